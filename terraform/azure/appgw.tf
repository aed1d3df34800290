resource "azurerm_public_ip" "appgw" {
  name                = "pip-${local.prefix}-appgw"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  allocation_method   = "Static"
  sku                 = "Standard"
  zones               = local.zones
  tags                = local.tags
}

resource "azurerm_web_application_firewall_policy" "main" {
  name                = "waf-${local.prefix}"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name

  policy_settings {
    enabled                     = true
    mode                        = "Prevention"
    request_body_check          = true
    file_upload_limit_in_mb     = 100
    max_request_body_size_in_kb = 2000
  }

  managed_rules {
    managed_rule_set {
      type    = "OWASP"
      version = "3.2"
    }
    managed_rule_set {
      type    = "Microsoft_BotManagerRuleSet"
      version = "1.0"
    }
  }

  custom_rules {
    name      = "ratelimit"
    priority  = 10
    rule_type = "RateLimitRule"
    action    = "Block"

    rate_limit_duration  = "FiveMins"
    rate_limit_threshold = 2000
    group_rate_limit_by  = "ClientAddr"

    match_conditions {
      match_variables {
        variable_name = "RemoteAddr"
      }
      operator           = "IPMatch"
      negation_condition = true
      match_values       = ["255.255.255.255/32"]
    }
  }

  tags = local.tags
}

# AGIC owns listeners, rules and backends after creation; Terraform only creates a minimal placeholder config.
resource "azurerm_application_gateway" "main" {
  #checkov:skip=CKV_AZURE_217:The HTTP listener is a placeholder AGIC replaces; the Ingress adds the HTTPS listener and redirects HTTP to it.
  name                = "agw-${local.prefix}"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  zones               = local.zones
  firewall_policy_id  = azurerm_web_application_firewall_policy.main.id

  sku {
    name = "WAF_v2"
    tier = "WAF_v2"
  }

  autoscale_configuration {
    min_capacity = 2
    max_capacity = 10
  }

  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20220101S"
  }

  gateway_ip_configuration {
    name      = "gateway"
    subnet_id = azurerm_subnet.appgw.id
  }

  frontend_port {
    name = "http"
    port = 80
  }

  frontend_ip_configuration {
    name                 = "public"
    public_ip_address_id = azurerm_public_ip.appgw.id
  }

  backend_address_pool {
    name = "placeholder"
  }

  backend_http_settings {
    name                  = "placeholder"
    cookie_based_affinity = "Disabled"
    port                  = 80
    protocol              = "Http"
    request_timeout       = 30
  }

  http_listener {
    name                           = "placeholder"
    frontend_ip_configuration_name = "public"
    frontend_port_name             = "http"
    protocol                       = "Http"
  }

  request_routing_rule {
    name                       = "placeholder"
    priority                   = 19000
    rule_type                  = "Basic"
    http_listener_name         = "placeholder"
    backend_address_pool_name  = "placeholder"
    backend_http_settings_name = "placeholder"
  }

  lifecycle {
    # Managed by AGIC from the Ingress from here on.
    ignore_changes = [
      backend_address_pool, backend_http_settings, frontend_port, http_listener, probe,
      request_routing_rule, redirect_configuration, ssl_certificate, url_path_map, tags,
    ]
  }

  tags = local.tags
}
