### Verwendung von Gesprächen für das Training: die Regel, die Fälle, die Wahl.

training-rule = { $default ->
        [opt-in] Wir verwenden Ihre Gespräche nicht für das Training unserer Modelle, es sei denn, Sie stimmen dem zu oder einer der unten genannten Fälle liegt vor.
       *[opt-out] Ab dem { $effective } verwenden wir Ihre Gespräche für das Training unserer Modelle, sofern Sie dies nicht deaktivieren. Diese Regel gilt für { $covered }.
    }
    .title = Die Regel

training-exceptions = Ein Gespräch kann in jedem der folgenden Fälle für das Training unserer Modelle verwendet werden:
    .title = Wann ein Gespräch für das Training verwendet werden kann
exception-trust-and-safety = Es wurde zur Prüfung durch unser Trust-&-Safety-Team markiert. Wir können es dann verwenden oder analysieren, um Verstöße gegen unsere Nutzungsrichtlinien besser zu erkennen und zu ahnden – auch durch das Training von Modellen, die unser Trust-&-Safety-Team einsetzt –, im Einklang mit der Sicherheitsmission von { -organization-name }.
exception-feedback = Sie haben es uns ausdrücklich übermittelt, etwa über unsere Feedback-Funktionen.
exception-your-choice = { $default ->
        [opt-in] Sie haben der Verwendung ausdrücklich zugestimmt.
       *[opt-out] Die Einstellung „{ $setting }“ ist aktiviert – und bleibt es, solange Sie sie nicht deaktivieren.
    }

training-choice = Ihre Wahl treffen Sie über die Einstellung „{ $setting }“.
    .title = So treffen Sie Ihre Wahl
choice-at-signup = Wenn Sie { -product-name } neu nutzen, treffen Sie diese Wahl bei der Registrierung.
choice-existing-users = Wenn Sie { -product-name } bereits nutzen, bittet Sie ein Pop-up-Fenster mit dem Titel „{ $prompt }“ um Ihre Entscheidung. Deaktivieren Sie dort die Option, wenn Sie nicht möchten, dass Ihre Gespräche für das Training verwendet werden.
choice-deadline = Bestehende Nutzer müssen ihre Wahl bis zum { $deadline } treffen, um { -product-name } weiter nutzen zu können.
choice-change-anytime = Sie können die Einstellung außerdem unter { $location } deaktivieren.
choice-deleted-conversations = Gespräche, die Sie löschen, werden nicht für künftiges Training verwendet.
