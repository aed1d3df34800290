output "cluster_name" {
  description = "EKS cluster name (aws eks update-kubeconfig --name ...)."
  value       = module.eks.cluster_name
}

output "cluster_oidc_issuer_url" {
  description = "OIDC issuer of the EKS cluster; give it to terraform/azure as eks_oidc_issuer_url."
  value       = module.eks.cluster_oidc_issuer_url
}

output "sync_service_role_arn" {
  description = "IAM role for the sync-service service account (overlays/aws: eks.amazonaws.com/role-arn)."
  value       = aws_iam_role.sync_service.arn
}

output "bucket_name" {
  description = "Primary bucket (QRDESK_SYNC_S3_BUCKET)."
  value       = aws_s3_bucket.sync.bucket
}

output "bucket_region" {
  description = "Region of the primary bucket (QRDESK_SYNC_S3_REGION)."
  value       = var.region
}

output "certificate_arn" {
  description = "ACM certificate for the ingress (alb.ingress.kubernetes.io/certificate-arn)."
  value       = aws_acm_certificate_validation.sync.certificate_arn
}

output "waf_acl_arn" {
  description = "WAF web ACL for the ingress (alb.ingress.kubernetes.io/wafv2-acl-arn)."
  value       = aws_wafv2_web_acl.sync.arn
}

output "nat_public_ips" {
  description = "Fixed egress addresses of the cluster; allow them on the Azure storage firewall (replica_allowed_ip_ranges)."
  value       = module.vpc.nat_public_ips
}

output "vpc_cidr" {
  description = "VPC CIDR; the ALB reaches pods from it (NetworkPolicy ipBlock in overlays/aws)."
  value       = module.vpc.vpc_cidr_block
}

output "log_group_name" {
  description = "CloudWatch log group for the service's container logs."
  value       = aws_cloudwatch_log_group.sync_service.name
}
