# Replica store: receives create-only copies of the S3 log entries and blobs (docs/sync-protocol.md, "Two clouds").
resource "azurerm_storage_account" "sync" {
  #checkov:skip=CKV_AZURE_33:Queue service logging does not apply; the account holds blobs only and queues are unused.
  #checkov:skip=CKV_AZURE_206:Geo redundancy is enforced by the variable's validation (GRS/GZRS/RAGRS/RAGZRS); checkov cannot see a variable's value.
  #checkov:skip=CKV2_AZURE_1:Microsoft-managed keys; a customer-managed key vault key adds an outage path the replica cannot afford.
  #checkov:skip=CKV2_AZURE_33:The EKS cluster writes the replica over the internet (see docs/deploy.md); access is limited by the firewall, Entra ID and TLS instead of a private endpoint.
  #checkov:skip=CKV_AZURE_59:Public network access is needed by the EKS cluster; the firewall below denies everything else.
  name                     = var.storage_account_name
  resource_group_name      = azurerm_resource_group.main.name
  location                 = azurerm_resource_group.main.location
  account_kind             = "StorageV2"
  account_tier             = "Standard"
  account_replication_type = var.storage_replication_type
  access_tier              = "Hot"

  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false # Entra ID (workload identity) only
  default_to_oauth_authentication   = true
  public_network_access_enabled     = true
  infrastructure_encryption_enabled = true

  blob_properties {
    versioning_enabled  = true
    change_feed_enabled = true

    delete_retention_policy {
      days = var.soft_delete_retention_days
    }
    container_delete_retention_policy {
      days = var.soft_delete_retention_days
    }
  }

  sas_policy {
    expiration_period = "01.00:00:00"
  }

  # Version-level WORM for every blob: an overwrite makes a new version, no version can be deleted or changed
  # during its retention. Log entries and blobs are also written create-only (If-None-Match: *) by the service.
  immutability_policy {
    allow_protected_append_writes = false
    state                         = var.immutability_state
    period_since_creation_in_days = var.immutability_days
  }

  network_rules {
    default_action             = "Deny"
    bypass                     = ["AzureServices", "Logging", "Metrics"]
    ip_rules                   = [for r in var.replica_allowed_ip_ranges : trimsuffix(r, "/32")]
    virtual_network_subnet_ids = [azurerm_subnet.aks.id]
  }

  tags = local.tags
}

resource "azurerm_storage_container" "sync" {
  #checkov:skip=CKV2_AZURE_21:Blob read logging is configured by the diagnostic setting below, which checkov does not link to the container.
  name                  = var.container_name
  storage_account_id    = azurerm_storage_account.sync.id
  container_access_type = "private"
}

# Replication journal markers live in the commit point's store; while Azure is the primary they are written here.
resource "azurerm_storage_management_policy" "sync" {
  storage_account_id = azurerm_storage_account.sync.id

  rule {
    name    = "tiering"
    enabled = true
    filters {
      blob_types   = ["blockBlob"]
      prefix_match = ["${var.container_name}/u/"]
    }
    actions {
      base_blob {
        tier_to_cool_after_days_since_modification_greater_than = 30
      }
      version {
        delete_after_days_since_creation = 90
      }
    }
  }

  rule {
    name    = "replication-journal"
    enabled = true
    filters {
      blob_types   = ["blockBlob"]
      prefix_match = ["${var.container_name}/_repl/journal/"]
    }
    actions {
      base_blob {
        delete_after_days_since_modification_greater_than = var.immutability_days + 1
      }
      version {
        delete_after_days_since_creation = var.immutability_days + 1
      }
    }
  }
}

resource "azurerm_monitor_diagnostic_setting" "blob" {
  name                       = "blob-to-log-analytics"
  target_resource_id         = "${azurerm_storage_account.sync.id}/blobServices/default"
  log_analytics_workspace_id = azurerm_log_analytics_workspace.main.id

  enabled_log {
    category = "StorageRead"
  }
  enabled_log {
    category = "StorageWrite"
  }
  enabled_log {
    category = "StorageDelete"
  }
  metric {
    category = "Transaction"
  }
}
