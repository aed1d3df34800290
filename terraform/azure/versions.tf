terraform {
  required_version = ">= 1.9.0, < 2.0.0"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.14"
    }
  }

  # State in a storage account created once by hand (docs/deploy.md, "Bootstrap"); pass it with -backend-config.
  backend "azurerm" {}
}

provider "azurerm" {
  subscription_id     = var.subscription_id
  storage_use_azuread = true # shared keys are disabled on the storage account

  features {
    resource_group {
      prevent_deletion_if_contains_resources = true
    }
  }
}
