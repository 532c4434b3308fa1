### Verwendung von Gesprächen für das Training: die Regel, die Fälle, die Wahl.

training-rule =
    { $default ->
        [opt-in] Wir verwenden Ihre Gespräche nur dann für das Training unserer Modelle, wenn sie zur Prüfung durch unser Team für { -trust-and-safety-name } markiert werden, wenn Sie sie uns als Feedback senden oder wenn Sie die Verwendung ausdrücklich zulassen.
       *[opt-out] Ihre Gespräche können für das Training unserer Modelle verwendet werden, es sei denn, Sie deaktivieren diese Option. Das gilt für { $covered }.
    }
    .title = Was für Ihre Gespräche gilt
training-exceptions = Ein Gespräch kann in jedem der folgenden Fälle für das Training unserer Modelle verwendet werden:
    .title = Wann ein Gespräch für das Training verwendet werden kann
exception-trust-and-safety = Es wurde zur Prüfung durch unser Team für { -trust-and-safety-name } markiert. Wir können es dann im Einklang mit der Sicherheitsmission von { -organization-name } verwenden oder analysieren, um Verstöße gegen unsere Nutzungsrichtlinien besser zu erkennen und die Richtlinien durchzusetzen – unter anderem, indem wir Modelle trainieren, die dieses Team einsetzt.
exception-feedback = Sie haben es uns ausdrücklich übermittelt, zum Beispiel über unsere Feedback-Funktion.
exception-your-choice =
    { $default ->
        [opt-in] Sie haben die Verwendung Ihrer Gespräche für das Training ausdrücklich zugelassen, zum Beispiel durch die Teilnahme an unserem Programm für ausgewählte Tester.
       *[opt-out] Die Einstellung, die das erlaubt, ist aktiviert – und bleibt es, solange Sie sie nicht deaktivieren.
    }
training-choice = Ob Ihre Gespräche für das Training verwendet werden dürfen, entscheiden Sie über eine eigene Einstellung.
    .title = So treffen Sie Ihre Entscheidung
choice-at-signup = Wenn Sie neu bei { -product-name } sind, treffen Sie diese Entscheidung bei der Registrierung.
choice-existing-users =
    { $pop-up-status ->
        [open] Wenn Sie { -product-name } bereits nutzen, werden Sie in einem Pop-up-Fenster zu den aktualisierten Verbraucherbedingungen und -richtlinien gebeten, sich zu entscheiden. Entfernen Sie dort das Häkchen bei der Option, wenn Sie nicht möchten, dass Ihre Gespräche für das Training verwendet werden.
       *[passed] Wenn Sie { -product-name } zum Zeitpunkt dieser Änderung bereits genutzt haben, wurden Sie in einem Pop-up-Fenster zu den aktualisierten Verbraucherbedingungen und -richtlinien gebeten, sich zu entscheiden. Dort konnten Sie das Häkchen bei der Option entfernen, damit Ihre Gespräche nicht für das Training verwendet werden.
    }
choice-deadline =
    { $deadline-status ->
        [open] Wenn Sie { -product-name } bereits nutzen, müssen Sie Ihre Entscheidung bis zum { $deadline-until } treffen, um den Dienst weiterhin verwenden zu können.
       *[passed] Wenn Sie { -product-name } bereits genutzt haben, mussten Sie Ihre Entscheidung bis zum { $deadline-until } treffen, um den Dienst weiterhin verwenden zu können.
    }
choice-new-and-existing = Wenn Sie die Verwendung Ihrer Gespräche für das Training zulassen, können neue oder bestehende Gespräche verwendet werden.
choice-in-settings = Sie können diese Einstellung außerdem in Ihren Einstellungen im Bereich Datenschutz deaktivieren.
choice-deleted-conversations = Gespräche, die Sie löschen, werden nicht für künftiges Training verwendet.
update-reasons = Am { $announced } haben wir eine Aktualisierung unserer Nutzungsbedingungen und unserer Datenschutzerklärung angekündigt und sie so begründet:
    .title = Warum wir unsere Bedingungen aktualisiert haben
reason-capable-models = Sie ermöglicht es uns, leistungsfähigere und nützlichere KI-Modelle zu entwickeln.
reason-protection-against-abuse = Sie verstärkt unseren Schutz vor schädlicher Nutzung wie Betrug und Missbrauch.
reason-harmful-content-detection = Geteilte Gespräche helfen uns, die Sicherheit unserer Modelle zu verbessern: Unsere Systeme zur Erkennung schädlicher Inhalte werden genauer und markieren seltener harmlose Gespräche.
reason-skills = Sie helfen künftigen { -product-name }-Modellen, ihre Fähigkeiten beim Programmieren, Analysieren und logischen Denken zu verbessern, sodass letztlich alle Nutzer bessere Modelle erhalten.
reason-real-interactions = Daten aus echten Interaktionen liefern wertvolle Erkenntnisse darüber, welche Antworten für Nutzer am hilfreichsten und genauesten sind.
reason-user-control = Ihre Wahl soll Ihnen die Kontrolle über Ihre Daten geben und es uns zugleich ermöglichen, unsere Modelle zu verbessern.
