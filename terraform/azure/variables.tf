variable "subscription_id" {
  type        = string
  description = "Azure subscription that holds every resource."
}

variable "name" {
  type        = string
  description = "Name prefix for every resource."
  default     = "qrdesk-sync"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,20}$", var.name))
    error_message = "name must be 3-21 lowercase letters, digits or dashes, starting with a letter."
  }
}

variable "environment" {
  type        = string
  description = "Deployment stage, used in tags and names (e.g. prod, staging)."
  default     = "prod"
}

variable "location" {
  type        = string
  description = "Azure region."
  default     = "westeurope"
}

variable "vnet_cidr" {
  type        = string
  description = "Address space of the VNet (AKS nodes and pods via Azure CNI overlay, Application Gateway subnet)."
  default     = "10.50.0.0/16"

  validation {
    condition     = can(cidrhost(var.vnet_cidr, 0))
    error_message = "vnet_cidr must be a valid IPv4 CIDR block."
  }
}

variable "kubernetes_version" {
  type        = string
  description = "AKS Kubernetes version (minor; automatic_upgrade_channel = patch keeps the patch level current). Pick one AKS lists as generally available: `az aks get-versions -l <location>`."
  default     = "1.35"

  validation {
    condition     = can(regex("^1\\.(3[4-9]|[4-9][0-9])$", var.kubernetes_version))
    error_message = "kubernetes_version must be a supported minor version (1.34 or newer), e.g. 1.35."
  }
}

variable "api_server_authorized_ip_ranges" {
  type        = list(string)
  description = "CIDRs allowed to reach the AKS API server (operators, CI)."
}

variable "system_node_pool" {
  type = object({
    vm_size   = string
    min_count = number
    max_count = number
  })
  description = "System node pool (cluster add-ons only)."
  default     = { vm_size = "Standard_D2s_v5", min_count = 3, max_count = 3 }
}

variable "user_node_pool" {
  type = object({
    vm_size   = string
    min_count = number
    max_count = number
  })
  description = "User node pool that runs the sync service; min_count >= 3 keeps a node in every zone."
  default     = { vm_size = "Standard_D4s_v5", min_count = 3, max_count = 9 }
}

variable "storage_account_name" {
  type        = string
  description = "Globally unique storage account name (3-24 lowercase letters and digits)."

  validation {
    condition     = can(regex("^[a-z0-9]{3,24}$", var.storage_account_name))
    error_message = "storage_account_name must be 3-24 lowercase letters and digits."
  }
}

variable "storage_replication_type" {
  type        = string
  description = "Redundancy of the storage account: GZRS (zones + paired region) or GRS."
  default     = "GZRS"

  validation {
    condition     = contains(["GRS", "GZRS", "RAGRS", "RAGZRS"], var.storage_replication_type)
    error_message = "storage_replication_type must be a geo-redundant kind: GRS, GZRS, RAGRS or RAGZRS."
  }
}

variable "container_name" {
  type        = string
  description = "Blob container of the sync service (QRDESK_SYNC_AZURE_CONTAINER)."
  default     = "qrdesk-sync"
}

variable "soft_delete_retention_days" {
  type        = number
  description = "Days deleted blobs, versions and containers stay recoverable."
  default     = 30
}

variable "immutability_days" {
  type        = number
  description = "Version-level WORM: every blob version is immutable (no delete, no in-place change) for this many days after it was written."
  default     = 30
}

variable "immutability_state" {
  type        = string
  description = "State of the account's version-level immutability policy: Unlocked while testing (can be shortened or removed), Locked for production (irreversible: only lengthening is possible)."
  default     = "Unlocked"

  validation {
    condition     = contains(["Unlocked", "Locked"], var.immutability_state)
    error_message = "immutability_state must be Unlocked or Locked."
  }
}

variable "replica_allowed_ip_ranges" {
  type        = list(string)
  description = "Public egress addresses of the EKS cluster (terraform/aws output nat_public_ips) allowed through the storage firewall; plain IPs or CIDRs."
  default     = []
}

variable "eks_oidc_issuer_url" {
  type        = string
  description = "OIDC issuer of the EKS cluster (terraform/aws output cluster_oidc_issuer_url). When set, the EKS service account gets a federated credential on the AWS-side identity; empty disables it."
  default     = ""
}

variable "service_namespace" {
  type        = string
  description = "Kubernetes namespace of the sync service."
  default     = "qrdesk"
}

variable "service_account_name" {
  type        = string
  description = "Kubernetes service account of the sync service."
  default     = "sync-service"
}

variable "dns_zone_name" {
  type        = string
  description = "Existing public Azure DNS zone, e.g. qrdesk.example."
}

variable "dns_zone_resource_group" {
  type        = string
  description = "Resource group of the DNS zone."
}

variable "dns_record_name" {
  type        = string
  description = "Record inside the zone, e.g. sync-azure."
  default     = "sync"
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the Log Analytics workspace, in days."
  default     = 90
}

variable "tags" {
  type        = map(string)
  description = "Extra tags for every resource."
  default     = {}
}
