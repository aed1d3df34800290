data "azurerm_client_config" "current" {}

locals {
  prefix = "${var.name}-${var.environment}"
  zones  = ["1", "2", "3"]

  tags = merge(var.tags, {
    project     = "qrdesk"
    component   = "sync-service"
    environment = var.environment
    managed-by  = "terraform"
  })
}

resource "azurerm_resource_group" "main" {
  name     = "rg-${local.prefix}"
  location = var.location
  tags     = local.tags
}
