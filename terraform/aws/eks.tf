module "eks" {
  #checkov:skip=CKV_TF_1:Registry module pinned to an exact version (registry versions are immutable); provider hashes go into .terraform.lock.hcl on first init (docs/deploy.md).
  source  = "terraform-aws-modules/eks/aws"
  version = "20.31.6"

  cluster_name    = local.cluster_name
  cluster_version = var.kubernetes_version

  vpc_id     = module.vpc.vpc_id
  subnet_ids = module.vpc.private_subnets

  cluster_endpoint_private_access      = true
  cluster_endpoint_public_access       = length(var.cluster_endpoint_public_access_cidrs) > 0
  cluster_endpoint_public_access_cidrs = var.cluster_endpoint_public_access_cidrs

  # IRSA: the service account gets an IAM role, the pods never hold keys.
  enable_irsa = true

  enable_cluster_creator_admin_permissions = true
  authentication_mode                      = "API"

  cluster_enabled_log_types              = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
  cloudwatch_log_group_retention_in_days = var.log_retention_days
  create_kms_key                         = true
  cluster_encryption_config = {
    resources = ["secrets"]
  }

  cluster_addons = {
    coredns                = {}
    kube-proxy             = {}
    eks-pod-identity-agent = {}
    # Resource metrics for the HPA's CPU target (EKS community add-on, version matched to the cluster by AWS).
    metrics-server = {}
    # Network policies are enforced by the VPC CNI's policy agent.
    vpc-cni = {
      before_compute       = true
      configuration_values = jsonencode({ enableNetworkPolicy = "true" })
    }
  }

  # One node group per zone: the cluster autoscaler scales a group it can place in a zone, so a pod spread by
  # zone (DoNotSchedule) always finds a group to grow; balance-similar-node-groups keeps the zones even.
  eks_managed_node_groups = {
    for i, az in local.azs : "zone-${i}" => {
      instance_types = var.node_instance_types
      capacity_type  = "ON_DEMAND"
      min_size       = var.node_group_size.min
      max_size       = var.node_group_size.max
      desired_size   = var.node_group_size.desired
      subnet_ids     = [module.vpc.private_subnets[i]]

      metadata_options = {
        http_endpoint               = "enabled"
        http_tokens                 = "required"
        http_put_response_hop_limit = 1 # pods cannot borrow the node role through IMDS
      }

      block_device_mappings = {
        xvda = {
          device_name = "/dev/xvda"
          ebs = {
            volume_size = 50
            volume_type = "gp3"
            encrypted   = true
          }
        }
      }
    }
  }
}

# Node autoscaling: the HPA may ask for 30 pods x 250m CPU, more than the minimum nodes hold. The autoscaler finds
# the managed node groups by the tags EKS puts on their Auto Scaling groups (k8s.io/cluster-autoscaler/*).
module "cluster_autoscaler_irsa" {
  #checkov:skip=CKV_TF_1:Registry module pinned to an exact version (registry versions are immutable); provider hashes go into .terraform.lock.hcl on first init (docs/deploy.md).
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "5.48.0"

  role_name                        = "${local.cluster_name}-cluster-autoscaler"
  attach_cluster_autoscaler_policy = true
  cluster_autoscaler_cluster_names = [module.eks.cluster_name]

  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["kube-system:cluster-autoscaler"]
    }
  }
}

resource "helm_release" "cluster_autoscaler" {
  name       = "cluster-autoscaler"
  namespace  = "kube-system"
  repository = "https://kubernetes.github.io/autoscaler"
  chart      = "cluster-autoscaler"
  version    = var.cluster_autoscaler_chart_version

  values = [yamlencode({
    awsRegion     = var.region
    autoDiscovery = { clusterName = module.eks.cluster_name }
    # The autoscaler's minor version must match the control plane's.
    image = { tag = "v${var.kubernetes_version}.0" }
    extraArgs = {
      "balance-similar-node-groups"   = true
      "skip-nodes-with-system-pods"   = false
      "expander"                      = "least-waste"
      "scale-down-unneeded-time"      = "10m"
      "scale-down-delay-after-add"    = "10m"
      "max-node-provision-time"       = "10m"
      "skip-nodes-with-local-storage" = false
    }
    rbac = {
      serviceAccount = {
        name        = "cluster-autoscaler"
        annotations = { "eks.amazonaws.com/role-arn" = module.cluster_autoscaler_irsa.iam_role_arn }
      }
    }
  })]
}
