module "vpc" {
  #checkov:skip=CKV_TF_1:Registry module pinned to an exact version (registry versions are immutable); provider hashes go into .terraform.lock.hcl on first init (docs/deploy.md).
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.16.0"

  name = local.cluster_name
  cidr = var.vpc_cidr
  azs  = local.azs

  # /20 private subnets for pods (VPC CNI gives every pod a VPC address), /24 public for the ALB and NAT.
  private_subnets = [for i in range(3) : cidrsubnet(var.vpc_cidr, 4, i)]
  public_subnets  = [for i in range(3) : cidrsubnet(var.vpc_cidr, 8, 48 + i)]

  enable_nat_gateway     = true
  one_nat_gateway_per_az = true
  enable_dns_hostnames   = true

  # The Azure storage firewall allows these fixed egress addresses (output nat_public_ips).
  reuse_nat_ips = false

  enable_flow_log                                 = true
  create_flow_log_cloudwatch_log_group            = true
  create_flow_log_cloudwatch_iam_role             = true
  flow_log_cloudwatch_log_group_retention_in_days = var.log_retention_days
  flow_log_cloudwatch_log_group_kms_key_id        = aws_kms_key.main.arn

  manage_default_security_group  = true
  default_security_group_ingress = []
  default_security_group_egress  = []

  public_subnet_tags = {
    "kubernetes.io/role/elb" = 1
  }
  private_subnet_tags = {
    "kubernetes.io/role/internal-elb" = 1
  }
}

# S3 traffic stays on the AWS network and off the NAT gateways.
resource "aws_vpc_endpoint" "s3" {
  vpc_id            = module.vpc.vpc_id
  service_name      = "com.amazonaws.${var.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = module.vpc.private_route_table_ids
}
