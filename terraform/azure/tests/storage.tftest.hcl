# Offline plan with mocked providers: `terraform -chdir=terraform/azure init -backend=false && terraform -chdir=terraform/azure test`
# (init needs the provider from the registry once; no Azure credentials are used).
mock_provider "azurerm" {
  mock_data "azurerm_client_config" {
    defaults = {
      tenant_id = "00000000-0000-0000-0000-000000000000"
    }
  }
}

variables {
  subscription_id                 = "00000000-0000-0000-0000-000000000000"
  storage_account_name            = "qrdesksynctest"
  api_server_authorized_ip_ranges = ["203.0.113.0/24"]
  dns_zone_name                   = "qrdesk.example"
  dns_zone_resource_group         = "rg-dns"
}

run "storage_is_private_versioned_and_geo_redundant" {
  command = plan

  assert {
    condition     = azurerm_storage_account.sync.account_replication_type == "GZRS"
    error_message = "The replica must be geo-redundant by default."
  }
  assert {
    condition     = azurerm_storage_account.sync.allow_nested_items_to_be_public == false && azurerm_storage_account.sync.shared_access_key_enabled == false
    error_message = "No public blobs and no shared keys."
  }
  assert {
    condition     = azurerm_storage_account.sync.blob_properties[0].versioning_enabled
    error_message = "Blob versioning must be on."
  }
  assert {
    condition     = azurerm_storage_account.sync.network_rules[0].default_action == "Deny"
    error_message = "The storage firewall must deny by default."
  }
}

run "no_eks_federation_without_an_issuer" {
  command = plan

  assert {
    condition     = length(azurerm_federated_identity_credential.eks) == 0
    error_message = "The EKS credential needs eks_oidc_issuer_url."
  }
}

run "rejects_locally_redundant_storage" {
  command = plan

  variables {
    storage_replication_type = "LRS"
  }

  expect_failures = [var.storage_replication_type]
}
