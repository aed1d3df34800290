# Least privilege for the sync service: read, create and list objects under the prefixes it owns, use of its key.
# No delete: log entries, blobs and journal markers are create-only (the bucket policy in s3.tf refuses overwrites
# of committed objects for every principal, and Object Lock keeps every version for its retention).
# Keep the prefixes in step with sync_service/keys.py: tests/deploy/test_iam_moto.py runs the real service against
# moto with IAM enforced, with this document rendered from here.
data "aws_iam_policy_document" "sync_service" {
  statement {
    sid       = "ListBucket"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.sync.arn]
  }

  statement {
    sid     = "Objects"
    actions = ["s3:GetObject", "s3:PutObject"]
    resources = [
      "${aws_s3_bucket.sync.arn}/u/*",       # per-user libraries: meta, log entries, blobs, idempotency answers
      "${aws_s3_bucket.sync.arn}/_auth/*",   # device token records (HMAC-named)
      "${aws_s3_bucket.sync.arn}/_repl/*",   # replication journal and the reconciler's checkpoint
      "${aws_s3_bucket.sync.arn}/_system/*", # which store is the commit point (failover generations)
    ]
  }

  statement {
    sid       = "Key"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.main.arn]
  }
}

resource "aws_iam_policy" "sync_service" {
  name        = "${local.cluster_name}-sync-service"
  description = "QRDesk sync service: objects of its own bucket only"
  policy      = data.aws_iam_policy_document.sync_service.json
}

locals {
  service_account_sub = "system:serviceaccount:${var.service_namespace}:${var.service_account_name}"
  eks_oidc_host       = replace(module.eks.cluster_oidc_issuer_url, "https://", "")
  aks_oidc_host       = trimsuffix(replace(var.aks_oidc_issuer_url, "https://", ""), "/")
}

# Trust: the EKS service account (IRSA) and, when configured, the same service account on AKS, whose projected
# token AKS signs with its own OIDC issuer. Both must present audience sts.amazonaws.com.
data "aws_iam_policy_document" "sync_service_assume" {
  statement {
    sid     = "EksServiceAccount"
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [module.eks.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.eks_oidc_host}:sub"
      values   = [local.service_account_sub]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.eks_oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }

  dynamic "statement" {
    for_each = var.aks_oidc_issuer_url == "" ? [] : [1]
    content {
      sid     = "AksServiceAccount"
      actions = ["sts:AssumeRoleWithWebIdentity"]
      principals {
        type        = "Federated"
        identifiers = [aws_iam_openid_connect_provider.aks[0].arn]
      }
      condition {
        test     = "StringEquals"
        variable = "${local.aks_oidc_host}:sub"
        values   = [local.service_account_sub]
      }
      condition {
        test     = "StringEquals"
        variable = "${local.aks_oidc_host}:aud"
        values   = ["sts.amazonaws.com"]
      }
    }
  }
}

resource "aws_iam_openid_connect_provider" "aks" {
  count          = var.aks_oidc_issuer_url == "" ? 0 : 1
  url            = var.aks_oidc_issuer_url
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "sync_service" {
  name                 = "${local.cluster_name}-sync-service"
  description          = "Assumed by the sync-service Kubernetes service account"
  assume_role_policy   = data.aws_iam_policy_document.sync_service_assume.json
  max_session_duration = 3600
}

resource "aws_iam_role_policy_attachment" "sync_service" {
  role       = aws_iam_role.sync_service.name
  policy_arn = aws_iam_policy.sync_service.arn
}
