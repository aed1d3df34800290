resource "azurerm_kubernetes_cluster" "main" {
  #checkov:skip=CKV_AZURE_6:authorized_ip_ranges comes from the required variable api_server_authorized_ip_ranges, which checkov cannot resolve.
  #checkov:skip=CKV_AZURE_115:The API server stays public but is limited to api_server_authorized_ip_ranges; CI runs outside the VNet.
  #checkov:skip=CKV_AZURE_117:Node disks use platform-managed keys; a customer-managed disk encryption set is not required for this data (user data lives in object storage, encrypted).
  #checkov:skip=CKV_AZURE_226:Ephemeral OS disks need VM sizes with a large enough cache; managed disks keep node sizes flexible.
  name                      = "aks-${local.prefix}"
  location                  = azurerm_resource_group.main.location
  resource_group_name       = azurerm_resource_group.main.name
  dns_prefix                = local.prefix
  kubernetes_version        = var.kubernetes_version
  automatic_upgrade_channel = "patch"
  node_os_upgrade_channel   = "NodeImage"
  sku_tier                  = "Standard"
  local_account_disabled    = true

  # Workload identity: pods exchange their projected service-account token for an Entra token; no secrets.
  oidc_issuer_enabled       = true
  workload_identity_enabled = true

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
    tenant_id          = data.azurerm_client_config.current.tenant_id
  }

  api_server_access_profile {
    authorized_ip_ranges = var.api_server_authorized_ip_ranges
  }

  default_node_pool {
    name                         = "system"
    vm_size                      = var.system_node_pool.vm_size
    auto_scaling_enabled         = true
    min_count                    = var.system_node_pool.min_count
    max_count                    = var.system_node_pool.max_count
    max_pods                     = 50
    zones                        = local.zones
    vnet_subnet_id               = azurerm_subnet.aks.id
    only_critical_addons_enabled = true
    host_encryption_enabled      = true
    os_sku                       = "AzureLinux"

    upgrade_settings {
      max_surge = "33%"
    }
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    network_policy      = "cilium"
    network_data_plane  = "cilium"
    load_balancer_sku   = "standard"
  }

  ingress_application_gateway {
    gateway_id = azurerm_application_gateway.main.id
  }

  azure_policy_enabled = true

  oms_agent {
    log_analytics_workspace_id      = azurerm_log_analytics_workspace.main.id
    msi_auth_for_monitoring_enabled = true
  }

  key_vault_secrets_provider {
    secret_rotation_enabled = true
  }

  tags = local.tags
}

resource "azurerm_kubernetes_cluster_node_pool" "user" {
  name                    = "user"
  kubernetes_cluster_id   = azurerm_kubernetes_cluster.main.id
  vm_size                 = var.user_node_pool.vm_size
  mode                    = "User"
  auto_scaling_enabled    = true
  min_count               = var.user_node_pool.min_count
  max_count               = var.user_node_pool.max_count
  max_pods                = 50
  zones                   = local.zones
  vnet_subnet_id          = azurerm_subnet.aks.id
  host_encryption_enabled = true
  os_sku                  = "AzureLinux"

  upgrade_settings {
    max_surge = "33%"
  }

  tags = local.tags
}

# AGIC's identity manages the gateway it was given and reads the resource group.
resource "azurerm_role_assignment" "agic_gateway" {
  scope                = azurerm_application_gateway.main.id
  role_definition_name = "Contributor"
  principal_id         = azurerm_kubernetes_cluster.main.ingress_application_gateway[0].ingress_application_gateway_identity[0].object_id
}

resource "azurerm_role_assignment" "agic_rg" {
  scope                = azurerm_resource_group.main.id
  role_definition_name = "Reader"
  principal_id         = azurerm_kubernetes_cluster.main.ingress_application_gateway[0].ingress_application_gateway_identity[0].object_id
}

resource "azurerm_role_assignment" "agic_subnet" {
  scope                = azurerm_subnet.appgw.id
  role_definition_name = "Network Contributor"
  principal_id         = azurerm_kubernetes_cluster.main.ingress_application_gateway[0].ingress_application_gateway_identity[0].object_id
}
