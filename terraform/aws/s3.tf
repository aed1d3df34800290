# Primary store of the sync service: the commit point of every user's log (docs/sync-protocol.md).
resource "aws_s3_bucket" "sync" {
  #checkov:skip=CKV2_AWS_62:Nothing consumes bucket events; the service's reconciler copies to Azure by listing the log.
  #checkov:skip=CKV_AWS_144:Cross-region replication is optional (enable_cross_region_replication); the Azure replica is the disaster copy.
  bucket = var.bucket_name

  # Object Lock (needs versioning): no version can be deleted or overwritten in place during its retention, not
  # even by an administrator without s3:BypassGovernanceRetention, which the bucket policy denies to everyone.
  object_lock_enabled = true
}

resource "aws_s3_bucket_object_lock_configuration" "sync" {
  bucket = aws_s3_bucket.sync.id
  rule {
    default_retention {
      mode = "GOVERNANCE"
      days = var.object_lock_retention_days
    }
  }
  depends_on = [aws_s3_bucket_versioning.sync]
}

resource "aws_s3_bucket_ownership_controls" "sync" {
  bucket = aws_s3_bucket.sync.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "sync" {
  bucket                  = aws_s3_bucket.sync.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Versioning turns an operator's overwrite or delete into something recoverable; log objects are create-only anyway.
resource "aws_s3_bucket_versioning" "sync" {
  bucket = aws_s3_bucket.sync.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "sync" {
  bucket = aws_s3_bucket.sync.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.main.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "sync" {
  bucket = aws_s3_bucket.sync.id

  # Log entries and blobs are immutable and read rarely after the first pull by every device.
  rule {
    id     = "tiering"
    status = "Enabled"
    filter {}

    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
    transition {
      days          = 180
      storage_class = "GLACIER_IR"
    }

    noncurrent_version_transition {
      noncurrent_days = 30
      storage_class   = "GLACIER_IR"
    }
    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_retention_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  # Replication journal markers are only needed until the reconciler has confirmed the copy (seconds to minutes).
  rule {
    id     = "replication-journal"
    status = "Enabled"
    filter {
      prefix = "_repl/journal/"
    }
    expiration {
      days = var.object_lock_retention_days + 1
    }
    noncurrent_version_expiration {
      noncurrent_days = 1
    }
  }

  depends_on = [aws_s3_bucket_versioning.sync]
}

resource "aws_s3_bucket_logging" "sync" {
  bucket        = aws_s3_bucket.sync.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "s3/${var.bucket_name}/"
}

resource "aws_s3_bucket_policy" "sync" {
  bucket = aws_s3_bucket.sync.id
  policy = data.aws_iam_policy_document.sync_bucket.json

  depends_on = [aws_s3_bucket_public_access_block.sync]
}

# Create-only in the cloud, not just in the service's code. S3 evaluates the s3:if-none-match condition key on
# PutObject: a write of a committed object class without `If-None-Match: *` is refused for every principal, so
# no role (the service's, an operator's, a replication job's) can replace a log entry, blob, idempotency answer,
# failover generation or journal marker. Deletes of user data are refused to everyone; removing data for good
# (e.g. an erasure request) means changing this policy first, which CloudTrail records.
data "aws_iam_policy_document" "sync_bucket" {
  statement {
    sid     = "DenyOverwriteOfCommittedObjects"
    effect  = "Deny"
    actions = ["s3:PutObject"]
    resources = [
      "${aws_s3_bucket.sync.arn}/u/*/log/*",
      "${aws_s3_bucket.sync.arn}/u/*/blobs/*",
      "${aws_s3_bucket.sync.arn}/u/*/idem/*",
      "${aws_s3_bucket.sync.arn}/_system/primary/*",
      "${aws_s3_bucket.sync.arn}/_repl/journal/*",
    ]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Null"
      variable = "s3:if-none-match"
      values   = ["true"]
    }
  }

  statement {
    sid    = "DenyDeleteAndRetentionBypass"
    effect = "Deny"
    actions = [
      "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:BypassGovernanceRetention",
      "s3:PutObjectRetention", "s3:PutObjectLegalHold",
    ]
    resources = ["${aws_s3_bucket.sync.arn}/u/*", "${aws_s3_bucket.sync.arn}/_system/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }

  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.sync.arn,
      "${aws_s3_bucket.sync.arn}/*",
    ]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

# Server access logs of the sync bucket. A log bucket that logged to itself would loop.
resource "aws_s3_bucket" "access_logs" {
  #checkov:skip=CKV_AWS_18:This is the access-log target; logging it to itself would loop.
  #checkov:skip=CKV2_AWS_62:Access logs are read by operators on demand; nothing subscribes to their events.
  #checkov:skip=CKV_AWS_144:Access logs are diagnostics, not user data; no second region needed.
  #checkov:skip=CKV_AWS_145:S3 server access logging only delivers to SSE-S3 buckets, not SSE-KMS.
  bucket = "${var.bucket_name}-access-logs"
}

resource "aws_s3_bucket_ownership_controls" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "access_logs" {
  bucket                  = aws_s3_bucket.access_logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  rule {
    id     = "expire"
    status = "Enabled"
    filter {}
    expiration {
      days = var.log_retention_days
    }
    noncurrent_version_expiration {
      noncurrent_days = 30
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
}
