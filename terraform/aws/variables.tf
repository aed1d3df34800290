variable "name" {
  type        = string
  description = "Name prefix for every resource (cluster, bucket, roles)."
  default     = "qrdesk-sync"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,24}$", var.name))
    error_message = "name must be 3-25 lowercase letters, digits or dashes, starting with a letter."
  }
}

variable "environment" {
  type        = string
  description = "Deployment stage, used in tags and names (e.g. prod, staging)."
  default     = "prod"
}

variable "region" {
  type        = string
  description = "AWS region of the cluster and the primary bucket."
  default     = "eu-west-1"
}

variable "replica_region" {
  type        = string
  description = "AWS region of the optional cross-region replica bucket."
  default     = "eu-central-1"
}

variable "vpc_cidr" {
  type        = string
  description = "CIDR of the VPC; split into 3 public and 3 private subnets, one per availability zone."
  default     = "10.40.0.0/16"

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0))
    error_message = "vpc_cidr must be a valid IPv4 CIDR block."
  }
}

variable "kubernetes_version" {
  type        = string
  description = "EKS control plane version (minor). 1.35 is in EKS standard support until March 2027; move on before that (docs/deploy.md, Upgrades)."
  default     = "1.35"

  validation {
    condition     = can(regex("^1\\.(3[4-9]|[4-9][0-9])$", var.kubernetes_version))
    error_message = "kubernetes_version must be a minor version still in EKS standard support (1.34 or newer), e.g. 1.35."
  }
}

variable "cluster_autoscaler_chart_version" {
  type        = string
  description = "Pinned version of the cluster-autoscaler Helm chart (its image tag follows kubernetes_version)."
  default     = "9.46.6"
}

variable "cluster_endpoint_public_access_cidrs" {
  type        = list(string)
  description = "CIDRs allowed to reach the public EKS API endpoint (operators, CI). Empty keeps the endpoint private."
  default     = []
}

variable "node_instance_types" {
  type        = list(string)
  description = "Instance types of the managed node group."
  default     = ["m6i.large", "m5.large"]
}

variable "node_group_size" {
  type = object({
    min     = number
    desired = number
    max     = number
  })
  description = "Size of EACH of the three per-zone node groups; the cluster autoscaler moves between min and max. 3 x max nodes must hold the HPA's maxReplicas (30 x 250m CPU) plus the system pods."
  default     = { min = 1, desired = 1, max = 4 }

  validation {
    condition     = var.node_group_size.min <= var.node_group_size.desired && var.node_group_size.desired <= var.node_group_size.max
    error_message = "node_group_size must satisfy min <= desired <= max."
  }
}

variable "bucket_name" {
  type        = string
  description = "Globally unique name of the primary S3 bucket (the commit point of the sync log)."
}

variable "noncurrent_version_retention_days" {
  type        = number
  description = "Days a noncurrent object version is kept before expiry (undo window for operator mistakes)."
  default     = 90
}

variable "object_lock_retention_days" {
  type        = number
  description = "S3 Object Lock (governance) retention of every object version in the primary bucket, in days."
  default     = 30

  validation {
    condition     = var.object_lock_retention_days >= 1 && var.object_lock_retention_days <= var.noncurrent_version_retention_days
    error_message = "object_lock_retention_days must be at least 1 and at most noncurrent_version_retention_days."
  }
}

variable "enable_cross_region_replication" {
  type        = bool
  description = "Replicate the bucket to a second region (in addition to the Azure copy the service makes)."
  default     = false
}

variable "service_namespace" {
  type        = string
  description = "Kubernetes namespace of the sync service."
  default     = "qrdesk"
}

variable "service_account_name" {
  type        = string
  description = "Kubernetes service account the sync service runs as (bound to the IRSA role)."
  default     = "sync-service"
}

variable "aks_oidc_issuer_url" {
  type        = string
  description = "OIDC issuer URL of the AKS cluster (terraform/azure output aks_oidc_issuer_url). When set, pods on AKS may assume the same narrowly scoped S3 role; empty disables it."
  default     = ""
}

variable "domain_name" {
  type        = string
  description = "Public host name of the sync service, e.g. sync.qrdesk.example."
}

variable "route53_zone_id" {
  type        = string
  description = "ID of the public Route53 hosted zone that holds domain_name."
}

variable "alb_ready" {
  type        = bool
  description = "Set to true on the second apply, after the ingress has created its ALB, to create the DNS alias record."
  default     = false
}

variable "azure_ingress_ip" {
  type        = string
  description = "Public IP of the Azure Application Gateway (terraform/azure output appgw_public_ip): the SECONDARY (or PRIMARY, see dns_primary) answer for domain_name. Empty: no Azure record."
  default     = ""

  validation {
    condition     = var.azure_ingress_ip == "" || can(cidrhost("${var.azure_ingress_ip}/32", 0))
    error_message = "azure_ingress_ip must be empty or an IPv4 address."
  }
}

variable "dns_primary" {
  type        = string
  description = "Which cloud answers domain_name while healthy: aws (default) or azure (planned move, long AWS outage)."
  default     = "aws"

  validation {
    condition     = contains(["aws", "azure"], var.dns_primary)
    error_message = "dns_primary must be aws or azure."
  }
}

variable "azure_dns_zone_name" {
  type        = string
  description = "Azure DNS zone (terraform/azure dns_zone_name) that receives the ACME DNS-01 challenge for domain_name; empty disables the delegation."
  default     = ""
}

variable "ingress_group_name" {
  type        = string
  description = "alb.ingress.kubernetes.io/group.name used by the ingress; the ALB is looked up by this tag."
  default     = "qrdesk"
}

variable "lb_controller_chart_version" {
  type        = string
  description = "Pinned version of the aws-load-balancer-controller Helm chart."
  default     = "1.10.1"
}

variable "waf_rate_limit_per_5min" {
  type        = number
  description = "Requests per 5 minutes from one IP before WAF blocks it."
  default     = 2000
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the CloudWatch log groups, in days."
  default     = 365
}

variable "tags" {
  type        = map(string)
  description = "Extra tags for every resource."
  default     = {}
}
