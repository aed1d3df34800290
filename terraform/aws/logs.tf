# Container logs of the sync service (shipped by the cluster's log agent, e.g. Fluent Bit / CloudWatch Observability).
resource "aws_cloudwatch_log_group" "sync_service" {
  name              = "/qrdesk/${local.cluster_name}/sync-service"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.main.arn
}
