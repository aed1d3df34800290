module "eks" {
  #checkov:skip=CKV_TF_1:Registry module pinned to an exact version; registry versions are immutable and the lock file pins provider hashes.
  source  = "terraform-aws-modules/eks/aws"
  version = "20.31.6"

  cluster_name    = local.cluster_name
  cluster_version = var.kubernetes_version

  vpc_id     = module.vpc.vpc_id
  subnet_ids = module.vpc.private_subnets

  cluster_endpoint_private_access      = true
  cluster_endpoint_public_access       = length(var.cluster_endpoint_public_access_cidrs) > 0
  cluster_endpoint_public_access_cidrs = var.cluster_endpoint_public_access_cidrs

  # IRSA: the service account gets an IAM role, the pods never hold keys.
  enable_irsa = true

  enable_cluster_creator_admin_permissions = true
  authentication_mode                      = "API"

  cluster_enabled_log_types              = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
  cloudwatch_log_group_retention_in_days = var.log_retention_days
  create_kms_key                         = true
  cluster_encryption_config = {
    resources = ["secrets"]
  }

  cluster_addons = {
    coredns                = {}
    kube-proxy             = {}
    eks-pod-identity-agent = {}
    # Network policies are enforced by the VPC CNI's policy agent.
    vpc-cni = {
      before_compute       = true
      configuration_values = jsonencode({ enableNetworkPolicy = "true" })
    }
  }

  eks_managed_node_groups = {
    default = {
      instance_types = var.node_instance_types
      capacity_type  = "ON_DEMAND"
      min_size       = var.node_group_size.min
      max_size       = var.node_group_size.max
      desired_size   = var.node_group_size.desired
      subnet_ids     = module.vpc.private_subnets

      metadata_options = {
        http_endpoint               = "enabled"
        http_tokens                 = "required"
        http_put_response_hop_limit = 1 # pods cannot borrow the node role through IMDS
      }

      block_device_mappings = {
        xvda = {
          device_name = "/dev/xvda"
          ebs = {
            volume_size = 50
            volume_type = "gp3"
            encrypted   = true
          }
        }
      }
    }
  }
}
