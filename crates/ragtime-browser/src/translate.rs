//! `translate_text`'s built-in table: the few labels the heuristic agent looks for,
//! in the languages it meets. No network, no model.

/// (English label, [(language, translation), ...]).
const TABLE: &[(&str, &[(&str, &str)])] = &[
    (
        "Download",
        &[
            ("de", "Herunterladen"),
            ("fr", "Télécharger"),
            ("es", "Descargar"),
            ("it", "Scarica"),
            ("nl", "Downloaden"),
            ("pt", "Baixar"),
        ],
    ),
    (
        "More information",
        &[
            ("de", "Mehr Informationen"),
            ("fr", "Plus d'informations"),
            ("es", "Más información"),
            ("it", "Maggiori informazioni"),
            ("nl", "Meer informatie"),
            ("pt", "Mais informações"),
        ],
    ),
    (
        "Information",
        &[
            ("de", "Information"),
            ("fr", "Information"),
            ("es", "Información"),
            ("it", "Informazioni"),
            ("nl", "Informatie"),
            ("pt", "Informação"),
        ],
    ),
    (
        "Play",
        &[
            ("de", "Abspielen"),
            ("fr", "Lire"),
            ("es", "Reproducir"),
            ("it", "Riproduci"),
            ("nl", "Afspelen"),
            ("pt", "Reproduzir"),
        ],
    ),
    (
        "Listen",
        &[
            ("de", "Anhören"),
            ("fr", "Écouter"),
            ("es", "Escuchar"),
            ("it", "Ascolta"),
            ("nl", "Luisteren"),
            ("pt", "Ouvir"),
        ],
    ),
    (
        "Accept all",
        &[
            ("de", "Alle akzeptieren"),
            ("fr", "Tout accepter"),
            ("es", "Aceptar todo"),
            ("it", "Accetta tutto"),
            ("nl", "Alles accepteren"),
            ("pt", "Aceitar tudo"),
        ],
    ),
    (
        "Accept",
        &[
            ("de", "Akzeptieren"),
            ("fr", "Accepter"),
            ("es", "Aceptar"),
            ("it", "Accetta"),
            ("nl", "Accepteren"),
            ("pt", "Aceitar"),
        ],
    ),
];

/// Languages the table covers besides English.
pub const LANGUAGES: [&str; 6] = ["de", "fr", "es", "it", "nl", "pt"];

/// The English labels the table knows.
pub fn labels() -> impl Iterator<Item = &'static str> {
    TABLE.iter().map(|(label, _)| *label)
}

/// `label` in `language` (`"de"`, `"de-AT"`, ...); English and unknown languages give
/// the label itself, an unknown label gives `None`.
pub fn translate(label: &str, language: &str) -> Option<&'static str> {
    let (english, translations) = TABLE
        .iter()
        .find(|(english, _)| english.eq_ignore_ascii_case(label.trim()))?;
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    Some(
        translations
            .iter()
            .find(|(lang, _)| *lang == primary)
            .map_or(*english, |(_, text)| *text),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_has_every_language() {
        for label in labels() {
            for lang in LANGUAGES {
                let text = translate(label, lang).expect("known label");
                assert!(!text.is_empty());
            }
        }
        assert_eq!(
            translate("more information", "de-AT"),
            Some("Mehr Informationen")
        );
        assert_eq!(translate("Download", "en"), Some("Download"));
        assert_eq!(translate("Download", "sw"), Some("Download"));
        assert_eq!(translate("Subscribe", "de"), None);
    }
}
