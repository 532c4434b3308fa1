### Whether conversations are used for training: the rule, the cases, the choice.

# Variables:
#   $default (String) - opt-out (used unless you turn it off) or opt-in (used only if you turn it on)
#   $effective (String) - date this rule takes effect
#   $covered (String) - the products the rule applies to, as a list
training-rule = { $default ->
        [opt-in] We use your conversations to train our models only if they are flagged for a Trust & Safety review, if you send them to us as feedback, or if you choose to allow it.
       *[opt-out] From { $effective }, your conversations can be used to train our models unless you turn this off. This applies to { $covered }.
    }
    .title = The rule

# Variables:
#   $default (String) - opt-out or opt-in, as for training-rule
training-exceptions = A conversation can be used to train our models in any of these cases:
    .title = When a conversation can be used for training
exception-trust-and-safety = It was flagged for Trust & Safety review. We may then use or analyze it to improve our ability to detect violations of our Usage Policy and to enforce it, including by training models used by our Trust and Safety team, in line with { -organization-name }’s safety mission.
exception-feedback = You sent it to us explicitly, for example through our feedback tools.
# Variables:
#   $setting (String) - the label of the setting in the product, quoted only where the
#     policy gives it in the locale's language (English describes it: `interface:`)
exception-your-choice = { $default ->
        [opt-in] You chose to allow your conversations to be used for training, for example by joining our trusted tester program.
       *[opt-out] The setting that allows it is on, and it stays on unless you turn it off.
    }

# Variables:
#   $setting (String) - the label of the setting in the product, quoted only where the
#     policy gives it in the locale's language (English describes it: `interface:`)
#   $location (String) - where the setting is found, as the interface labels it
training-choice = A setting lets you choose whether your conversations can be used for training.
    .title = How to make your choice
choice-at-signup = If you are new to { -product-name }, you make this choice when you sign up.
# Variables:
#   $prompt (String) - the title of the pop-up shown to existing users, quoted only where
#     the policy gives it in the locale's language (English describes it: `interface:`)
choice-existing-users = If you already use { -product-name }, a pop-up about the updated consumer terms and policies asks you to choose. Untick the option there if you don’t want your conversations used for training.
# Variables:
#   $deadline (String) - the date by which existing users must choose
choice-deadline = Existing users must make their choice by { $deadline } to keep using { -product-name }.
choice-new-and-existing = If you allow your conversations to be used for training, new or existing ones can be used.
# Variables:
#   $setting (String) - the label of the setting in the product, quoted only where the
#     policy gives it in the locale's language (English describes it: `interface:`)
#   $location (String) - where the setting is found, as the interface labels it
choice-in-settings = You can also turn this setting off in the privacy section of your settings.
choice-deleted-conversations = Conversations you delete are not used for future training.
