# Ingress path: AWS Load Balancer Controller -> internet-facing ALB (TLS from ACM, WAF attached) -> pod IPs.
module "lb_controller_irsa" {
  #checkov:skip=CKV_TF_1:Registry module pinned to an exact version (registry versions are immutable); provider hashes go into .terraform.lock.hcl on first init (docs/deploy.md).
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "5.48.0"

  role_name                              = "${local.cluster_name}-aws-lb-controller"
  attach_load_balancer_controller_policy = true

  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["kube-system:aws-load-balancer-controller"]
    }
  }
}

resource "helm_release" "lb_controller" {
  name       = "aws-load-balancer-controller"
  namespace  = "kube-system"
  repository = "https://aws.github.io/eks-charts"
  chart      = "aws-load-balancer-controller"
  version    = var.lb_controller_chart_version

  set {
    name  = "clusterName"
    value = module.eks.cluster_name
  }
  set {
    name  = "vpcId"
    value = module.vpc.vpc_id
  }
  set {
    name  = "region"
    value = var.region
  }
  set {
    name  = "serviceAccount.name"
    value = "aws-load-balancer-controller"
  }
  set {
    name  = "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"
    value = module.lb_controller_irsa.iam_role_arn
  }
}

resource "aws_acm_certificate" "sync" {
  domain_name       = var.domain_name
  validation_method = "DNS"

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_route53_record" "cert_validation" {
  for_each = {
    for dvo in aws_acm_certificate.sync.domain_validation_options : dvo.domain_name => {
      name   = dvo.resource_record_name
      record = dvo.resource_record_value
      type   = dvo.resource_record_type
    }
  }

  zone_id         = var.route53_zone_id
  name            = each.value.name
  type            = each.value.type
  records         = [each.value.record]
  ttl             = 300
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "sync" {
  certificate_arn         = aws_acm_certificate.sync.arn
  validation_record_fqdns = [for r in aws_route53_record.cert_validation : r.fqdn]
}

resource "aws_wafv2_web_acl" "sync" {
  name        = local.cluster_name
  description = "QRDesk sync API: AWS managed rules and a per-IP rate limit"
  scope       = "REGIONAL"

  default_action {
    allow {}
  }

  rule {
    name     = "common"
    priority = 10
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesCommonRuleSet"
        # Blob uploads are larger than the rule set's 8 KB body limit; the service enforces MAX_BLOB_BYTES itself.
        rule_action_override {
          name = "SizeRestrictions_BODY"
          action_to_use {
            count {}
          }
        }
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "common"
      sampled_requests_enabled   = true
    }
  }

  rule {
    name     = "known-bad-inputs"
    priority = 20
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesKnownBadInputsRuleSet"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "known-bad-inputs"
      sampled_requests_enabled   = true
    }
  }

  rule {
    name     = "ip-reputation"
    priority = 30
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesAmazonIpReputationList"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "ip-reputation"
      sampled_requests_enabled   = true
    }
  }

  rule {
    name     = "rate-limit"
    priority = 40
    action {
      block {}
    }
    statement {
      rate_based_statement {
        limit              = var.waf_rate_limit_per_5min
        aggregate_key_type = "IP"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "rate-limit"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = local.cluster_name
    sampled_requests_enabled   = true
  }
}

# WAF logging destinations must be named aws-waf-logs-*.
resource "aws_cloudwatch_log_group" "waf" {
  name              = "aws-waf-logs-${local.cluster_name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.main.arn
}

resource "aws_wafv2_web_acl_logging_configuration" "sync" {
  resource_arn            = aws_wafv2_web_acl.sync.arn
  log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
}

# The ALB is created by the controller from the Ingress, so the alias is added on a second apply (alb_ready = true).
data "aws_lb" "ingress" {
  count = var.alb_ready ? 1 : 0
  tags = {
    "elbv2.k8s.aws/cluster" = module.eks.cluster_name
    "ingress.k8s.aws/stack" = var.ingress_group_name
  }
}

# Cross-cloud DNS failover for the one public name (domain_name): the EKS ALB is PRIMARY while its targets are
# healthy (the ALB checks /readyz on every pod), the Azure Application Gateway answers when they are not. Both
# ingresses serve domain_name with a certificate for it (ACM here; cert-manager on AKS, see acme delegation below).
# dns_primary = "azure" swaps the roles for a planned move or a long AWS outage (docs/deploy.md, failover runbook).
resource "aws_route53_record" "sync_eks" {
  count           = var.alb_ready ? 1 : 0
  zone_id         = var.route53_zone_id
  name            = var.domain_name
  type            = "A"
  set_identifier  = "eks"
  health_check_id = var.dns_primary == "azure" ? aws_route53_health_check.readyz["eks"].id : null

  failover_routing_policy {
    type = var.dns_primary == "aws" ? "PRIMARY" : "SECONDARY"
  }

  alias {
    name                   = data.aws_lb.ingress[0].dns_name
    zone_id                = data.aws_lb.ingress[0].zone_id
    evaluate_target_health = true
  }
}

moved {
  from = aws_route53_record.sync
  to   = aws_route53_record.sync_eks
}

locals {
  # /readyz of each side as Route53 sees it from outside, over HTTPS with SNI. EKS (checked when it is the
  # SECONDARY): the ALB routes any host's /readyz. Azure: the Application Gateway's public address asked for
  # domain_name (Host and SNI), so the check fails when the gateway has no certificate or no route for the name.
  readyz_checks = merge(
    var.alb_ready ? { eks = { fqdn = data.aws_lb.ingress[0].dns_name, ip_address = null } } : {},
    var.azure_ingress_ip == "" ? {} : { aks = { fqdn = var.domain_name, ip_address = var.azure_ingress_ip } },
  )
}

resource "aws_route53_health_check" "readyz" {
  for_each          = local.readyz_checks
  fqdn              = each.value.fqdn
  ip_address        = each.value.ip_address
  type              = "HTTPS"
  port              = 443
  resource_path     = "/readyz"
  request_interval  = 10
  failure_threshold = 3
  enable_sni        = true
  tags              = { Name = "${local.cluster_name}-${each.key}-readyz" }
}

moved {
  from = aws_route53_health_check.eks[0]
  to   = aws_route53_health_check.readyz["eks"]
}

moved {
  from = aws_route53_health_check.aks[0]
  to   = aws_route53_health_check.readyz["aks"]
}

resource "aws_route53_record" "sync_aks" {
  #checkov:skip=CKV2_AWS_23:The address belongs to the Azure Application Gateway (terraform/azure output appgw_public_ip), a resource checkov cannot see from this configuration; the health check above proves it answers for domain_name.
  count           = var.azure_ingress_ip == "" ? 0 : 1
  zone_id         = var.route53_zone_id
  name            = var.domain_name
  type            = "A"
  ttl             = 60
  records         = [var.azure_ingress_ip]
  set_identifier  = "aks"
  health_check_id = aws_route53_health_check.readyz["aks"].id

  failover_routing_policy {
    type = var.dns_primary == "azure" ? "PRIMARY" : "SECONDARY"
  }
}

# cert-manager on AKS proves control of domain_name with a DNS-01 TXT record in the Azure DNS zone: this CNAME
# delegates the challenge name there (the ClusterIssuer uses cnameStrategy: Follow, deploy/cert-manager).
resource "aws_route53_record" "acme_challenge" {
  count   = var.azure_dns_zone_name == "" ? 0 : 1
  zone_id = var.route53_zone_id
  name    = "_acme-challenge.${var.domain_name}"
  type    = "CNAME"
  ttl     = 300
  records = ["_acme-challenge.${var.domain_name}.${var.azure_dns_zone_name}"]
}
