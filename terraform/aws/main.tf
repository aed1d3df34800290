data "aws_availability_zones" "available" {
  #checkov:skip=CKV_AWS_394:Only the first three zones are used (local.azs slices them), so a new zone cannot widen the VPC.
  state = "available"
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  cluster_name = "${var.name}-${var.environment}"
  azs          = slice(data.aws_availability_zones.available.names, 0, 3)

  tags = merge(var.tags, {
    Project     = "qrdesk"
    Component   = "sync-service"
    Environment = var.environment
    ManagedBy   = "terraform"
  })
}
