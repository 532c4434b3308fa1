### Whether conversations are used for training: the rule, the cases, the choice.

# Variables:
#   $default (String) - opt-out (used unless you turn it off) or opt-in (used only if you turn it on)
#   $covered (String) - the products the rule applies to, as a list
training-rule =
    { $default ->
        [opt-in] We use your conversations to train our models only if they are flagged for a { -trust-and-safety-name } review, if you send them to us as feedback, or if you choose to allow it.
       *[opt-out] Your conversations can be used to train our models unless you turn this off. This applies to { $covered }.
    }
    .title = What applies to your conversations
# Variables:
#   $default (String) - opt-out or opt-in, as for training-rule
training-exceptions = A conversation can be used to train our models in any of these cases:
    .title = When a conversation can be used for training
exception-trust-and-safety = It was flagged for { -trust-and-safety-name } review. We may then use or analyze it to improve our ability to detect violations of our Usage Policy and to enforce it, including by training models used by our { -trust-and-safety-name } team, in line with { -organization-name }’s safety mission.
exception-feedback = You sent it to us explicitly, for example through our feedback tools.
# Variables:
#   $setting (String) - the label of the setting in the product, quoted only where the
#     policy gives it in the locale's language (English describes it: `interface:`)
exception-your-choice =
    { $default ->
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
#   $pop-up-status (String) - open while the pop-up asks existing users, passed after
choice-existing-users =
    { $pop-up-status ->
        [open] If you already use { -product-name }, a pop-up about the updated consumer terms and policies asks you to choose. Untick the option there if you don’t want your conversations used for training.
       *[passed] If you were already using { -product-name } when these terms changed, a pop-up about the updated consumer terms and policies asked you to choose. Unticking the option there kept your conversations out of training.
    }
# Variables:
#   $deadline-until (String) - the date by which existing users must choose
#   $deadline-status (String) - open until the end of that day, passed after
choice-deadline =
    { $deadline-status ->
        [open] Existing users must make their choice by { $deadline-until } to keep using { -product-name }.
       *[passed] Existing users had to make their choice by { $deadline-until } to keep using { -product-name }.
    }
choice-new-and-existing = If you allow your conversations to be used for training, new or existing ones can be used.
# Variables:
#   $setting (String) - the label of the setting in the product, quoted only where the
#     policy gives it in the locale's language (English describes it: `interface:`)
#   $location (String) - where the setting is found, as the interface labels it
choice-in-settings = You can also turn this setting off in the privacy section of your settings.
choice-deleted-conversations = Conversations you delete are not used for future training.
# The update of the version in force and the reasons given for it.
# Variables:
#   $announced (String) - the day the update was announced
update-reasons = On { $announced }, we announced an update to our terms of use and privacy policy. We gave these reasons for it:
    .title = Why we updated our terms
reason-capable-models = It lets us develop more capable and useful AI models.
reason-protection-against-abuse = It strengthens our protections against harmful uses such as scams and abuse.
reason-harmful-content-detection = Shared conversations help us improve the safety of our models, by making our systems for detecting harmful content more accurate and less likely to flag harmless conversations.
reason-skills = They help future { -product-name } models improve their coding, analysis and reasoning skills, which will ultimately lead to better models for all users.
reason-real-interactions = Data from real interactions provides valuable insight into which responses are the most useful and accurate for users.
reason-user-control = The choice you make is meant to give you control over your data while letting us improve our models.
