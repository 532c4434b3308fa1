### Verwendung von Gesprächen für das Training: die Regel, die Fälle, die Wahl.

training-rule = { $default ->
        [opt-in] Wir verwenden Ihre Gespräche nur dann für das Training unserer Modelle, wenn sie für eine Trust-&-Safety-Prüfung markiert werden, wenn Sie sie uns als Feedback senden oder wenn Sie der Verwendung zustimmen.
       *[opt-out] Ab dem { $effective } können Ihre Gespräche für das Training unserer Modelle verwendet werden, es sei denn, Sie deaktivieren die entsprechende Einstellung. Diese Regel gilt für { $covered }.
    }
    .title = Die Regel

training-exceptions = Ein Gespräch kann in jedem der folgenden Fälle für das Training unserer Modelle verwendet werden:
    .title = Wann ein Gespräch für das Training verwendet werden kann
exception-trust-and-safety = Es wurde für eine Trust-&-Safety-Prüfung markiert. Wir können es dann im Einklang mit der auf Sicherheit ausgerichteten Mission von { -organization-name } verwenden oder analysieren, um Verstöße gegen unsere Nutzungsrichtlinien besser erkennen und dagegen vorgehen zu können – unter anderem, indem wir Modelle trainieren, die unser Trust-&-Safety-Team einsetzt.
exception-feedback = Sie haben es uns ausdrücklich übermittelt, zum Beispiel über unsere Feedback-Funktionen.
exception-your-choice = { $default ->
        [opt-in] Sie haben der Verwendung Ihrer Gespräche für das Training zugestimmt, zum Beispiel durch die Teilnahme an unserem Programm für vertrauenswürdige Tester.
       *[opt-out] Die Einstellung, die das erlaubt, ist aktiviert – und bleibt es, solange Sie sie nicht deaktivieren.
    }

training-choice = Ob Ihre Gespräche für das Training verwendet werden dürfen, entscheiden Sie über eine eigene Einstellung.
    .title = So treffen Sie Ihre Entscheidung
choice-at-signup = Wenn Sie neu bei { -product-name } sind, entscheiden Sie sich bei der Registrierung.
choice-existing-users = Wenn Sie { -product-name } bereits nutzen, werden Sie in einem Pop-up-Fenster zu den aktualisierten Verbraucherbedingungen und -richtlinien gebeten, sich zu entscheiden. Entfernen Sie dort das Häkchen bei der Option, wenn Sie nicht möchten, dass Ihre Gespräche für das Training verwendet werden.
choice-deadline = Wenn Sie { -product-name } bereits nutzen, müssen Sie Ihre Entscheidung bis zum { $deadline } treffen, um den Dienst weiterhin verwenden zu können.
choice-new-and-existing = Wenn Sie die Verwendung Ihrer Gespräche für das Training zulassen, können neue oder bestehende Gespräche verwendet werden.
choice-in-settings = Sie können diese Einstellung außerdem in Ihren Einstellungen im Bereich Datenschutz deaktivieren.
choice-deleted-conversations = Gespräche, die Sie löschen, werden nicht für künftiges Training verwendet.
