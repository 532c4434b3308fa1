### The facts of policy/policy.yaml: one message per fact id, its .title the heading.
### Values are never typed here: they come from the policy, as variables.

# Variables:
#   $reply-within (String) - how soon we answer, as a period
response-time = We answer every message within { $reply-within }.
    .title = How soon we answer
