### How long data is kept. Periods come from the policy through the `duration` message.

# Variables:
#   $default (String) - opt-out or opt-in, as for training-rule
retention =
    { $default ->
        [opt-in] How long we keep your data:
       *[opt-out] How long we keep your conversations depends on your choice.
    }
    .title = How long we keep your data
# Variables:
#   $period (String) - the retention period, e.g. "5 years"
retention-training-allowed = If you allow your conversations to be used for training, we keep them for up to { $period }.
# Before the update everyone's conversations were deleted after this period; with it,
# it stays the period for those who don't allow training ("comme actuellement").
# Variables:
#   $default (String) - opt-out or opt-in, as for training-rule
#   $period (String) - the retention period
retention-training-declined =
    { $default ->
        [opt-in] We delete your conversations after { $period }.
       *[opt-out] If you don’t allow your conversations to be used for training, their retention stays limited to { $period }, as before.
    }
# Variables:
#   $period (String) - the retention period
retention-feedback = When you send us feedback, we keep it, with the conversation it concerns, for up to { $period }.
# Variables:
#   $from (String) - the month it applies from, with its year ("September 2025")
retention-longer-from = The longer retention of conversations you allow to be used for training applies from the end of { $from }.
