### How long data is kept. Periods come from the policy through the `duration` message.

retention = How long we keep your conversations depends on your choice.
    .title = How long we keep your data
# Variables:
#   $period (String) - the retention period, e.g. "5 years"
retention-training-allowed = If you allow your conversations to be used for training, we keep them for up to { $period }.
# Variables:
#   $period (String) - the retention period
retention-training-declined = If you don’t allow it, we keep them for { $period }.
# Variables:
#   $period (String) - the retention period
retention-feedback = When you send us feedback, we keep it, with the conversation it concerns, for up to { $period }.
