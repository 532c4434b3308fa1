### Die Hilfeartikel: Titel (.title) und Zusammenfassung jeder Seite.

page-personal-data-in-training = Woher unsere Trainingsdaten stammen, wofür wir die darin möglicherweise enthaltenen personenbezogenen Daten verwenden und wofür nicht, wie wir die Privatsphäre schützen und welche Rechte Sie haben.
    .title = Wie werden personenbezogene Daten beim Modelltraining verwendet?
page-conversations-and-training = Was für Ihre Gespräche gilt, in welchen Fällen sie verwendet werden können, wie Sie Ihre Entscheidung treffen und warum wir unsere Bedingungen aktualisiert haben.
    .title = Werden meine Gespräche für das Modelltraining verwendet?
page-data-retention = Wie lange wir Ihre Gespräche und Ihr Feedback speichern.
    .title = Wie lange werden meine Daten gespeichert?
page-covered-products = Für welche Produkte diese Richtlinie gilt und für welche nicht.
    .title = Für welche Produkte gilt diese Richtlinie?
page-feedback = Was wir speichern, wenn Sie uns Feedback senden, und wie wir es verwenden.
    .title = Was geschieht mit meinem Feedback?

## Das Hilfecenter als Ganzes: sein Name, seine Übersicht und was es über Übersetzungen sagt.

site-title = { -product-name }-Hilfecenter
index-title = Datenschutz und Modelltraining
index-intro = Wie { -organization-name } Daten für das Training von { -product-name } verwendet, worüber Sie selbst entscheiden und wie lange Ihre Daten gespeichert werden.
footer-note = { -organization-name } · Datenschutz und Modelltraining
stale-notice = Der englische Text dieses Abschnitts wurde am { $changed } geändert; diese Übersetzung wird derzeit überprüft.
    .undated = Der englische Text dieses Abschnitts wurde geändert; diese Übersetzung wird derzeit überprüft.
    .link = Englische Fassung lesen
