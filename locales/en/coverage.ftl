### Which products the policy covers. Product names are terms generated from the policy.

coverage = This policy applies to our consumer products. It does not apply to our commercial products.
    .title = Which products this covers
# Variables:
#   $count (Number) - how many products are listed
#   $tiers (String) - the products, as a list
coverage-covered = It covers:
coverage-not-covered = It does not cover:

tier-free = { -tier-free-name }
tier-pro = { -tier-pro-name }
tier-max = { -tier-max-name }
# Variables:
#   $used-with (String) - the plans through which Claude Code is covered, as an "or" list
tier-claude-code = { -tier-claude-code-name }, when used with a { $used-with } account
# Variables:
#   $plans (String) - the plans sold under this product, as a list
tier-work = { -tier-work-name } ({ $plans })
tier-gov = { -tier-gov-name }
tier-education = { -tier-education-name }
tier-api = { -tier-api-name }
