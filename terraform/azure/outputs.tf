output "resource_group_name" {
  description = "Resource group of every resource."
  value       = azurerm_resource_group.main.name
}

output "aks_name" {
  description = "AKS cluster name (az aks get-credentials --name ...)."
  value       = azurerm_kubernetes_cluster.main.name
}

output "aks_oidc_issuer_url" {
  description = "OIDC issuer of AKS; give it to terraform/aws as aks_oidc_issuer_url."
  value       = azurerm_kubernetes_cluster.main.oidc_issuer_url
}

output "tenant_id" {
  description = "Entra tenant (AZURE_TENANT_ID for the EKS pods)."
  value       = data.azurerm_client_config.current.tenant_id
}

output "aks_workload_client_id" {
  description = "Client id for the AKS service account (overlays/azure: azure.workload.identity/client-id)."
  value       = azurerm_user_assigned_identity.aks.client_id
}

output "eks_workload_client_id" {
  description = "Client id the EKS pods use to reach the replica (overlays/aws: AZURE_CLIENT_ID)."
  value       = azurerm_user_assigned_identity.eks.client_id
}

output "storage_account_url" {
  description = "Blob endpoint (QRDESK_SYNC_AZURE_ACCOUNT_URL)."
  value       = azurerm_storage_account.sync.primary_blob_endpoint
}

output "container_name" {
  description = "Blob container (QRDESK_SYNC_AZURE_CONTAINER)."
  value       = azurerm_storage_container.sync.name
}

output "appgw_subnet_cidr" {
  description = "Application Gateway subnet; the NetworkPolicy in overlays/azure admits it."
  value       = azurerm_subnet.appgw.address_prefixes[0]
}

output "application_insights_connection_string" {
  description = "Application Insights connection string."
  value       = azurerm_application_insights.main.connection_string
  sensitive   = true
}

output "appgw_public_ip" {
  description = "Public IP of the Application Gateway; give it to terraform/aws as azure_ingress_ip (Route53 failover record)."
  value       = azurerm_public_ip.appgw.ip_address
}

output "dns_zone_name" {
  description = "Azure DNS zone; give it to terraform/aws as azure_dns_zone_name (ACME challenge delegation)."
  value       = data.azurerm_dns_zone.main.name
}
