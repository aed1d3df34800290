# Offline checks of the input validation with mocked providers:
# `terraform -chdir=terraform/aws init -backend=false && terraform -chdir=terraform/aws test`
# (init downloads the pinned modules and providers once; no AWS credentials are used).
mock_provider "aws" {}
mock_provider "aws" {
  alias = "replica"
}
mock_provider "helm" {}

variables {
  bucket_name     = "qrdesk-sync-test"
  domain_name     = "sync.qrdesk.example"
  route53_zone_id = "Z0123456789EXAMPLE"
}

run "rejects_a_node_group_with_min_above_max" {
  command = plan

  variables {
    node_group_size = { min = 5, desired = 4, max = 3 }
  }

  expect_failures = [var.node_group_size]
}

run "rejects_an_invalid_vpc_cidr" {
  command = plan

  variables {
    vpc_cidr = "10.40.0.0/33"
  }

  expect_failures = [var.vpc_cidr]
}
