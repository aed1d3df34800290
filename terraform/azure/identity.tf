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

# Data-plane read/write on the container only; no account keys, no management-plane rights.
resource "azurerm_role_assignment" "aks_blob" {
  scope                = azurerm_storage_container.sync.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_user_assigned_identity.aks.principal_id
}

resource "azurerm_role_assignment" "eks_blob" {
  scope                = azurerm_storage_container.sync.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_user_assigned_identity.eks.principal_id
}
