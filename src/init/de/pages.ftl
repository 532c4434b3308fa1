### Die eigenen Texte dieses Hilfe-Centers: sein Name, seine Startseite und die Titel
### seiner Artikel. Schreiben Sie sie zuerst in der Referenzsprache ({{reference}}); jede
### andere Sprache übersetzt sie. Begriffe wie { -organization-name } stammen aus
### policy/policy.yaml.

site-title = Hilfe-Center von { -organization-name }
index-title = Hilfeartikel
index-intro = Was { -organization-name } mit Ihren Nachrichten macht und wie Sie uns erreichen.
footer-note = { -organization-name } · Hilfe-Center
# Jede Seite aus policy.yaml: ihre Zusammenfassung und ihr Titel (.title).
page-contact-us = Wie Sie uns erreichen und wie schnell wir antworten.
    .title = Kontakt
# Erscheint auf einem Abschnitt, dessen Übersetzung seit der letzten Änderung des
# Referenztextes nicht bestätigt wurde (nie in der Referenzsprache).
# Variablen:
#   $changed (String) - der Tag, an dem sich der Referenztext des Abschnitts zuletzt geändert hat
#   .undated erscheint stattdessen, wenn kein Commit die Änderung datiert (nicht committet oder ohne Git)
stale-notice = Der Originaltext dieses Abschnitts wurde am { $changed } geändert; diese Übersetzung wird derzeit überprüft.
    .undated = Der Originaltext dieses Abschnitts wurde geändert; diese Übersetzung wird derzeit überprüft.
    .link = Originalfassung lesen
