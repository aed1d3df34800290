# Two identities, one role each, both scoped to the one container:
# - aks: the service on AKS, federated with the AKS OIDC issuer (AKS workload identity);
# - eks: the service on EKS writing the replica over the internet, federated with the EKS OIDC issuer.
# A user-assigned managed identity accepts any OIDC issuer in its federated credentials, so no app registration
# (and no azuread provider or client secret) is needed; docs/deploy.md says why this was chosen.
resource "azurerm_user_assigned_identity" "aks" {
  name                = "id-${local.prefix}-aks"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  tags                = local.tags
}

resource "azurerm_federated_identity_credential" "aks" {
  name                = "aks-${var.service_namespace}-${var.service_account_name}"
  resource_group_name = azurerm_resource_group.main.name
  parent_id           = azurerm_user_assigned_identity.aks.id
  issuer              = azurerm_kubernetes_cluster.main.oidc_issuer_url
  subject             = "system:serviceaccount:${var.service_namespace}:${var.service_account_name}"
  audience            = ["api://AzureADTokenExchange"]
}

resource "azurerm_user_assigned_identity" "eks" {
  name                = "id-${local.prefix}-eks"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  tags                = local.tags
}

resource "azurerm_federated_identity_credential" "eks" {
  count               = var.eks_oidc_issuer_url == "" ? 0 : 1
  name                = "eks-${var.service_namespace}-${var.service_account_name}"
  resource_group_name = azurerm_resource_group.main.name
  parent_id           = azurerm_user_assigned_identity.eks.id
  issuer              = var.eks_oidc_issuer_url
  subject             = "system:serviceaccount:${var.service_namespace}:${var.service_account_name}"
  audience            = ["api://AzureADTokenExchange"]
}

# Storage Blob Data Contributor without delete: the service reads, lists and creates blobs and never deletes one
# (log entries and blobs are create-only; version-level WORM in storage.tf keeps every version anyway).
resource "azurerm_role_definition" "blob_writer" {
  name        = "qrdesk-sync-blob-writer-${local.prefix}"
  scope       = azurerm_storage_account.sync.id
  description = "QRDesk sync service: read, list and write blobs of its container; no delete."

  permissions {
    actions = ["Microsoft.Storage/storageAccounts/blobServices/containers/read"]
    data_actions = [
      "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read",
      "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write",
      "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action",
    ]
  }

  assignable_scopes = [azurerm_storage_account.sync.id]
}

# Data-plane read/write on the container only; no account keys, no management-plane rights.
resource "azurerm_role_assignment" "aks_blob" {
  scope              = azurerm_storage_container.sync.id
  role_definition_id = azurerm_role_definition.blob_writer.role_definition_resource_id
  principal_id       = azurerm_user_assigned_identity.aks.principal_id
}

resource "azurerm_role_assignment" "eks_blob" {
  scope              = azurerm_storage_container.sync.id
  role_definition_id = azurerm_role_definition.blob_writer.role_definition_resource_id
  principal_id       = azurerm_user_assigned_identity.eks.principal_id
}
