//! The words controls are labelled with, in fourteen languages: what a control
//! labelled so probably does, and the labels the explorer never clicks.
//!
//! Labels are compared word by word (Unicode letters and digits, folded to lower
//! case), so "Play" matches "Play episode" but not "Playlist" or "Display". Every
//! language is tried on every page: pages often mislabel their language, and a German
//! site's player may be in English.

/// What a control is likely to do, by its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Accepts a consent layer; it covers everything else, so it comes first.
    Consent,
    /// Saves the audio ("Download", "Herunterladen", a download arrow).
    Download,
    /// Starts the player, which may reveal the audio URL on the network.
    Play,
    /// Opens a menu or more details (where download links hide).
    More,
}

/// Languages of [`PHRASES`]: en, de, fr, es, it, nl, pt, da, sv, nb, fi, pl, cs, tr.
pub const LANGUAGES: [&str; 14] = [
    "en", "de", "fr", "es", "it", "nl", "pt", "da", "sv", "nb", "fi", "pl", "cs", "tr",
];

/// (kind, phrases) by language, in the order of [`LANGUAGES`].
pub const PHRASES: &[(Kind, [&[&str]; 14])] = &[
    (
        Kind::Download,
        [
            &["download", "download episode", "download mp3", "save audio"],
            &[
                "herunterladen",
                "download",
                "episode herunterladen",
                "folge herunterladen",
            ],
            &["télécharger", "telecharger", "téléchargement"],
            &["descargar", "descarga"],
            &["scarica", "scaricare", "download"],
            &["downloaden", "download"],
            &["transferir", "baixar", "descarregar", "download"],
            &["hent", "download", "hent episode"],
            &["ladda ner", "ladda ned", "hämta"],
            &["last ned", "nedlasting"],
            &["lataa", "lataa jakso"],
            &["pobierz", "ściągnij"],
            &["stáhnout", "stahovat"],
            &["indir"],
        ],
    ),
    (
        Kind::Play,
        [
            &[
                "play",
                "listen",
                "listen now",
                "play episode",
                "play audio",
                "start",
            ],
            &[
                "abspielen",
                "anhören",
                "hören",
                "wiedergeben",
                "jetzt anhören",
                "play",
            ],
            &["écouter", "ecouter", "lire", "lecture", "play"],
            &["escuchar", "reproducir", "play"],
            &["ascolta", "riproduci", "play"],
            &["afspelen", "luisteren", "beluister", "play"],
            &["ouvir", "reproduzir", "escutar", "play"],
            &["afspil", "lyt", "play"],
            &["spela", "lyssna", "spela upp"],
            &["spill av", "lytt", "hør", "spill"],
            &["toista", "kuuntele"],
            &["odtwórz", "słuchaj", "posłuchaj"],
            &["přehrát", "poslechnout", "poslech"],
            &["oynat", "dinle"],
        ],
    ),
    (
        Kind::More,
        [
            &[
                "more",
                "more options",
                "options",
                "menu",
                "details",
                "more information",
                "more info",
                "show more",
                "info",
                "information",
                "see more",
                "episode details",
                "show notes",
            ],
            &[
                "mehr",
                "weitere optionen",
                "optionen",
                "menü",
                "details",
                "mehr informationen",
                "mehr anzeigen",
                "informationen",
                "information",
                "mehr infos",
            ],
            &[
                "plus",
                "plus d'options",
                "options",
                "menu",
                "détails",
                "en savoir plus",
                "informations",
                "plus d'informations",
                "voir plus",
            ],
            &[
                "más",
                "más opciones",
                "opciones",
                "menú",
                "detalles",
                "información",
                "más información",
                "ver más",
            ],
            &[
                "altro",
                "altre opzioni",
                "opzioni",
                "menu",
                "dettagli",
                "informazioni",
                "maggiori informazioni",
                "mostra di più",
            ],
            &[
                "meer",
                "meer opties",
                "opties",
                "menu",
                "details",
                "informatie",
                "meer informatie",
                "toon meer",
            ],
            &[
                "mais",
                "mais opções",
                "opções",
                "menu",
                "detalhes",
                "informações",
                "mais informações",
                "ver mais",
            ],
            &[
                "mere",
                "flere muligheder",
                "muligheder",
                "menu",
                "detaljer",
                "mere information",
                "vis mere",
            ],
            &[
                "mer",
                "fler alternativ",
                "alternativ",
                "meny",
                "detaljer",
                "mer information",
                "visa mer",
            ],
            &[
                "mer",
                "flere valg",
                "valg",
                "meny",
                "detaljer",
                "mer informasjon",
                "informasjon",
                "vis mer",
            ],
            &[
                "lisää",
                "lisää vaihtoehtoja",
                "vaihtoehdot",
                "valikko",
                "tiedot",
                "lisätietoja",
                "näytä lisää",
            ],
            &[
                "więcej",
                "więcej opcji",
                "opcje",
                "menu",
                "szczegóły",
                "informacje",
                "pokaż więcej",
            ],
            &[
                "více",
                "další možnosti",
                "možnosti",
                "nabídka",
                "podrobnosti",
                "informace",
                "zobrazit více",
            ],
            &[
                "daha fazla",
                "seçenekler",
                "menü",
                "ayrıntılar",
                "bilgi",
                "daha fazla bilgi",
            ],
        ],
    ),
    (
        Kind::Consent,
        [
            &[
                "accept all",
                "accept",
                "i accept",
                "agree",
                "i agree",
                "allow all",
                "allow all cookies",
                "accept all cookies",
                "accept cookies",
                "got it",
                "ok",
                "okay",
                "allow cookies",
                "agree and close",
            ],
            &[
                "alle akzeptieren",
                "akzeptieren",
                "zustimmen",
                "alle zulassen",
                "alle erlauben",
                "einverstanden",
                "alles akzeptieren",
                "akzeptieren und schließen",
                "alle cookies akzeptieren",
            ],
            &[
                "tout accepter",
                "tout autoriser",
                "autoriser tous les cookies",
                "accepter",
                "j'accepte",
                "accepter & fermer",
                "accepter et fermer",
                "accepter et continuer",
                "d'accord",
            ],
            &[
                "aceptar todo",
                "permitir todas",
                "permitir todo",
                "aceptar",
                "acepto",
                "aceptar todas",
                "aceptar cookies",
            ],
            &[
                "accetta tutto",
                "consenti tutti",
                "acconsento",
                "accetta",
                "accetto",
                "accetta tutti",
            ],
            &[
                "alles accepteren",
                "alles toestaan",
                "alle cookies toestaan",
                "accepteren",
                "akkoord",
                "alle cookies accepteren",
            ],
            &[
                "aceitar tudo",
                "permitir todos",
                "aceitar",
                "concordo",
                "aceitar todos",
            ],
            &[
                "accepter alle",
                "tillad alle",
                "accepter",
                "accepter alle cookies",
            ],
            &[
                "godkänn alla",
                "acceptera alla",
                "tillåt alla",
                "godkänn",
                "acceptera",
            ],
            &[
                "godta alle",
                "tillat alle",
                "godta",
                "aksepter alle",
                "aksepter",
            ],
            &["hyväksy kaikki", "salli kaikki", "hyväksy", "hyväksyn"],
            &[
                "zaakceptuj wszystko",
                "zezwól na wszystkie",
                "zezwól na wszystko",
                "zezwól",
                "akceptuję",
                "akceptuj",
                "zgadzam się",
                "akceptuj wszystkie",
            ],
            &["přijmout vše", "povolit vše", "souhlasím", "přijmout"],
            &[
                "tümünü kabul et",
                "tümüne izin ver",
                "kabul et",
                "kabul ediyorum",
            ],
        ],
    ),
];

/// Symbols that stand for a kind on icon-only controls.
pub const SYMBOLS: &[(Kind, &[&str])] = &[
    (Kind::Play, &["▶", "►", "⏵", "▷", "⏯"]),
    (Kind::More, &["⋮", "⋯", "…", "☰", "≡", "︙", "▾", "▼", "⌄"]),
    (Kind::Download, &["⤓", "⬇", "↓", "📥"]),
];

/// Words that mark a control the explorer never clicks: it shares, subscribes, logs in,
/// rejects or configures consent, leaves for an app or another service, changes how
/// the player plays, or goes to another episode.
pub const AVOID: &[&str] = &[
    "share",
    "teilen",
    "partager",
    "compartir",
    "condividi",
    "delen",
    "partilhar",
    "jaa",
    "udostępnij",
    "sdílet",
    "paylaş",
    "subscribe",
    "abonnieren",
    "abonnez",
    "s'abonner",
    "suscribirse",
    "suscríbete",
    "iscriviti",
    "abonneren",
    "inscrever",
    "abonner",
    "prenumerera",
    "abonnere",
    "tilaa",
    "subskrybuj",
    "odebírat",
    "abone",
    "follow",
    "folgen",
    "suivre",
    "seguir",
    "segui",
    "volgen",
    "login",
    "log in",
    "sign in",
    "sign up",
    "anmelden",
    "einloggen",
    "registrieren",
    "connexion",
    "se connecter",
    "iniciar sesión",
    "accedi",
    "inloggen",
    "entrar",
    "logga in",
    "logg inn",
    "kirjaudu",
    "zaloguj",
    "přihlásit",
    "giriş",
    "register",
    "newsletter",
    // The broadcaster's app, not the episode: "Download the app".
    "app",
    "apps",
    "the app",
    "app store",
    "google play",
    // "Google Play'den İndir": the suffix sticks to the word.
    "google",
    "play store",
    "appen",
    "l'app",
    "settings",
    "einstellungen",
    "paramètres",
    "configuración",
    "impostazioni",
    "instellingen",
    "configurações",
    "indstillinger",
    "inställningar",
    "innstillinger",
    "asetukset",
    "ustawienia",
    "nastavení",
    "ayarlar",
    "reject",
    "decline",
    "deny",
    "ablehnen",
    "refuser",
    "tout refuser",
    "rechazar",
    "rifiuta",
    "weigeren",
    "rejeitar",
    "afvis",
    "avvisa",
    "avslå",
    "hylkää",
    "odrzuć",
    "odmítnout",
    "reddet",
    "manage",
    "customize",
    "customise",
    "anpassen",
    "personnaliser",
    "personalizar",
    "personalizza",
    "only necessary",
    "necessary only",
    "nur notwendige",
    "nécessaires",
    "necesarias",
    "necessari",
    "noodzakelijk",
    "nödvändiga",
    "nødvendige",
    "välttämättömät",
    "privacy",
    "datenschutz",
    "confidentialité",
    "privacidad",
    "search",
    "suche",
    "rechercher",
    "buscar",
    "cerca",
    "zoeken",
    "pesquisar",
    "søg",
    "sök",
    "søk",
    "haku",
    "szukaj",
    "hledat",
    "print",
    "drucken",
    "imprimer",
    "comment",
    "comments",
    "kommentar",
    "kommentare",
    "commentaire",
    "like",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "telegram",
    "pinterest",
    "reddit",
    "email",
    "e-mail",
    "mail",
    "copy link",
    "link kopieren",
    "copier le lien",
    "embed",
    "einbetten",
    "intégrer",
    "speed",
    "geschwindigkeit",
    "vitesse",
    "velocidad",
    "velocità",
    "snelheid",
    "volume",
    "lautstärke",
    "mute",
    "stumm",
    "unmute",
    "skip",
    "rewind",
    "forward",
    "vorspulen",
    "zurückspulen",
    "close",
    "schließen",
    "fermer",
    "cerrar",
    "chiudi",
    "sluiten",
    "fechar",
    "luk",
    "stäng",
    "lukk",
    "sulje",
    "zamknij",
    "zavřít",
    "kapat",
    "app",
    "app store",
    "google play",
    "apple podcasts",
    "itunes",
    "spotify",
    "deezer",
    "amazon music",
    "youtube",
    "rss",
    "feed",
    "previous",
    "next",
    "vorherige",
    "nächste",
    "précédent",
    "suivant",
    "anterior",
    "siguiente",
    "precedente",
    "successivo",
    "vorige",
    "volgende",
    "all episodes",
    "alle folgen",
    "alle episoden",
    "tous les épisodes",
    "todos los episodios",
    "tutti gli episodi",
    "buy",
    "kaufen",
    "acheter",
    "donate",
    "spenden",
    "support us",
];

/// File endings of audio.
pub const AUDIO_EXTENSIONS: [&str; 8] = [
    ".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".wav", ".flac",
];

/// Words that only say what a control does (play, download, episode, ...), in any
/// language of the table: what is left of a label without them is what it names.
pub fn is_action_word(word: &str) -> bool {
    const GENERIC: &[&str] = &[
        "episode",
        "episodes",
        "podcast",
        "audio",
        "folge",
        "épisode",
        "episodio",
        "aflevering",
        "avsnitt",
        "jakso",
        "odcinek",
        "díl",
        "bölüm",
        "now",
        "jetzt",
        "the",
        "this",
        "der",
        "die",
        "das",
        "le",
        "la",
        "el",
    ];
    let word = word.to_lowercase();
    GENERIC.contains(&word.as_str())
        || PHRASES
            .iter()
            .filter(|(kind, _)| matches!(kind, Kind::Play | Kind::Download))
            .flat_map(|(_, languages)| languages.iter().flat_map(|p| p.iter()))
            .any(|p| words(p).contains(&word))
}

/// The words of a label, folded: lower case, letters and digits only (a combining
/// mark that lower-casing adds, as in Turkish "İ", is dropped).
pub fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .chars()
        .filter(|c| !('\u{0300}'..='\u{036f}').contains(c))
        .collect::<String>()
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `phrase` occurs in `label` as whole words.
pub fn has_phrase(label: &[String], phrase: &str) -> bool {
    let wanted = words(phrase);
    !wanted.is_empty() && label.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

/// The kinds a label (its words, or its symbols) suggests.
pub fn kinds(label: &str) -> Vec<Kind> {
    let found = words(label);
    let mut out = Vec::new();
    for (kind, languages) in PHRASES {
        if languages
            .iter()
            .flat_map(|phrases| phrases.iter())
            .any(|p| has_phrase(&found, p))
        {
            out.push(*kind);
        }
    }
    for (kind, symbols) in SYMBOLS {
        if symbols.iter().any(|s| label.contains(s)) && !out.contains(kind) {
            out.push(*kind);
        }
    }
    out
}

/// Stems of "app" in languages that inflect it (Czech and Polish "aplikac-e/-i/-ja/-ję",
/// Turkish "uygulama-yı/-mızı", Finnish "sovellu-s/-ksen"): any word that starts with
/// one is avoided, whatever its ending.
const AVOID_STEMS: &[&str] = &[
    "aplikac",
    "applicazion",
    "aplicaci",
    "aplicativ",
    "applikation",
    "sovellu",
    "uygulama",
];

/// Whether a label marks a control to leave alone: it has a word of [`AVOID`] in any
/// language of the table, or a word starting with one of the stems of "app".
pub fn avoided(label: &str) -> bool {
    let found = words(label);
    AVOID.iter().any(|w| has_phrase(&found, w))
        || found
            .iter()
            .any(|w| AVOID_STEMS.iter().any(|stem| w.starts_with(stem)))
}

/// Labels that dismiss a dialog standing in the way (a newsletter or app prompt):
/// clicked only when a click failed because something covered its control.
const DISMISS: &[&str] = &[
    "close",
    "dismiss",
    "no thanks",
    "no, thanks",
    "not now",
    "maybe later",
    "skip",
    "continue reading",
    "continue to site",
    "continue without",
    "schließen",
    "nein danke",
    "weiterlesen",
    "fermer",
    "non merci",
    "cerrar",
    "no, gracias",
    "chiudi",
    "sluiten",
    "fechar",
    "luk",
    "stäng",
    "lukk",
    "sulje",
    "zamknij",
    "zavřít",
    "kapat",
];

/// Whether a label dismisses a dialog: a dismiss phrase, or only a close symbol.
pub fn dismisses(label: &str) -> bool {
    let found = words(label);
    let symbol = matches!(label.trim(), "×" | "✕" | "✖" | "╳" | "X" | "x");
    symbol || (found.len() <= 4 && DISMISS.iter().any(|p| has_phrase(&found, p)))
}

/// Whether a label accepts a consent layer: the label is a consent phrase, or starts
/// with one (a long label that merely mentions "accept" is not a consent button).
pub fn accepts_consent(label: &str) -> bool {
    let found = words(label);
    if found.is_empty() || found.len() > 6 {
        return false;
    }
    PHRASES
        .iter()
        .filter(|(kind, _)| *kind == Kind::Consent)
        .flat_map(|(_, languages)| languages.iter().flat_map(|p| p.iter()))
        .any(|p| {
            let wanted = words(p);
            found.starts_with(&wanted)
        })
}

/// Common control labels in each language of [`LANGUAGES`], for `translate_text`.
pub const TRANSLATIONS: &[[&str; 14]] = &[
    [
        "Download",
        "Herunterladen",
        "Télécharger",
        "Descargar",
        "Scarica",
        "Downloaden",
        "Transferir",
        "Hent",
        "Ladda ner",
        "Last ned",
        "Lataa",
        "Pobierz",
        "Stáhnout",
        "İndir",
    ],
    [
        "Play",
        "Abspielen",
        "Lire",
        "Reproducir",
        "Riproduci",
        "Afspelen",
        "Reproduzir",
        "Afspil",
        "Spela upp",
        "Spill av",
        "Toista",
        "Odtwórz",
        "Přehrát",
        "Oynat",
    ],
    [
        "Listen",
        "Anhören",
        "Écouter",
        "Escuchar",
        "Ascolta",
        "Luisteren",
        "Ouvir",
        "Lyt",
        "Lyssna",
        "Lytt",
        "Kuuntele",
        "Słuchaj",
        "Poslechnout",
        "Dinle",
    ],
    [
        "More information",
        "Mehr Informationen",
        "Plus d'informations",
        "Más información",
        "Maggiori informazioni",
        "Meer informatie",
        "Mais informações",
        "Mere information",
        "Mer information",
        "Mer informasjon",
        "Lisätietoja",
        "Więcej informacji",
        "Více informací",
        "Daha fazla bilgi",
    ],
    [
        "Information",
        "Information",
        "Informations",
        "Información",
        "Informazioni",
        "Informatie",
        "Informações",
        "Information",
        "Information",
        "Informasjon",
        "Tiedot",
        "Informacje",
        "Informace",
        "Bilgi",
    ],
    [
        "More options",
        "Weitere Optionen",
        "Plus d'options",
        "Más opciones",
        "Altre opzioni",
        "Meer opties",
        "Mais opções",
        "Flere muligheder",
        "Fler alternativ",
        "Flere valg",
        "Lisää vaihtoehtoja",
        "Więcej opcji",
        "Další možnosti",
        "Diğer seçenekler",
    ],
    [
        "More",
        "Mehr",
        "Plus",
        "Más",
        "Altro",
        "Meer",
        "Mais",
        "Mere",
        "Mer",
        "Mer",
        "Lisää",
        "Więcej",
        "Více",
        "Daha fazla",
    ],
    [
        "Accept all",
        "Alle akzeptieren",
        "Tout accepter",
        "Aceptar todo",
        "Accetta tutto",
        "Alles accepteren",
        "Aceitar tudo",
        "Accepter alle",
        "Godkänn alla",
        "Godta alle",
        "Hyväksy kaikki",
        "Zaakceptuj wszystko",
        "Přijmout vše",
        "Tümünü kabul et",
    ],
    [
        "Accept",
        "Akzeptieren",
        "Accepter",
        "Aceptar",
        "Accetta",
        "Accepteren",
        "Aceitar",
        "Accepter",
        "Acceptera",
        "Godta",
        "Hyväksy",
        "Akceptuj",
        "Přijmout",
        "Kabul et",
    ],
];

/// `label` in language `to` (a code of [`LANGUAGES`]), when the table has it.
pub fn translate(label: &str, to: &str) -> Option<String> {
    let to = LANGUAGES
        .iter()
        .position(|l| to.to_ascii_lowercase().starts_with(l))?;
    let found = words(label);
    TRANSLATIONS
        .iter()
        .find(|row| row.iter().any(|form| words(form) == found))
        .map(|row| row[to].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inflections no table lists: the stems catch them, and plain downloads stay.
    #[test]
    fn app_downloads_are_avoided_in_any_inflection() {
        for label in [
            "Stáhnout v aplikacích",
            "Słuchaj w aplikacjach",
            "Uygulamasını indir",
            "Lataa sovelluksesta",
            "Descarga nuestras aplicaciones",
            "Baixe os aplicativos",
            "Get the app",
        ] {
            assert!(avoided(label), "{label}");
        }
        for label in ["Herunterladen", "Download MP3", "Pobierz odcinek", "İndir"] {
            assert!(!avoided(label), "{label}");
        }
    }

    #[test]
    fn every_translation_is_a_label_the_explorer_knows() {
        let mut wrong = Vec::new();
        for row in TRANSLATIONS {
            let english = kinds(row[0]);
            for form in row.iter() {
                if kinds(form) != english {
                    wrong.push(format!(
                        "{form:?} ({:?}, not {english:?} like {:?})",
                        kinds(form),
                        row[0]
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn every_language_names_every_kind() {
        for (kind, languages) in PHRASES {
            for (language, phrases) in LANGUAGES.iter().zip(languages.iter()) {
                assert!(!phrases.is_empty(), "{kind:?} has no phrase in {language}");
            }
        }
    }

    #[test]
    fn labels_are_matched_as_whole_words_in_any_language() {
        assert_eq!(kinds("Play episode"), vec![Kind::Play]);
        assert!(kinds("Playlist").is_empty(), "playlist is not play");
        assert!(kinds("Display settings").is_empty());
        assert_eq!(kinds("Episode herunterladen"), vec![Kind::Download]);
        assert_eq!(kinds("Télécharger l’épisode"), vec![Kind::Download]);
        assert_eq!(kinds("Last ned"), vec![Kind::Download]);
        assert_eq!(kinds("Pobierz"), vec![Kind::Download]);
        assert_eq!(kinds("Weitere Optionen"), vec![Kind::More]);
        assert_eq!(kinds("⋮"), vec![Kind::More]);
        assert_eq!(kinds("▶"), vec![Kind::Play]);
        assert!(accepts_consent("Alle akzeptieren"));
        assert!(accepts_consent("Accept All Cookies"));
        assert!(accepts_consent("Godkänn alla"));
        assert!(accepts_consent("Zezwól na wszystkie"));
        assert!(accepts_consent("Tout autoriser"));
        assert!(!accepts_consent(
            "By continuing you accept our terms and the use of cookies"
        ));
        assert!(avoided("Share this episode"));
        assert!(avoided("Download our app"));
        assert!(avoided("Nur notwendige Cookies"));
        assert!(!avoided("Download episode"));
    }

    #[test]
    fn translation_gives_the_phrase_of_the_other_language() {
        // Each checked against a language that differs from English for that phrase,
        // so a missing translation cannot pass by falling back to the English label.
        assert_eq!(
            translate("Download", "de").as_deref(),
            Some("Herunterladen")
        );
        assert_eq!(translate("download", "fr").as_deref(), Some("Télécharger"));
        assert_eq!(translate("Download", "fi").as_deref(), Some("Lataa"));
        assert_eq!(
            translate("More information", "es").as_deref(),
            Some("Más información")
        );
        assert_eq!(
            translate("Accept all", "sv").as_deref(),
            Some("Godkänn alla")
        );
        assert_eq!(translate("Play", "pl").as_deref(), Some("Odtwórz"));
        assert_eq!(
            translate("Herunterladen", "en").as_deref(),
            Some("Download")
        );
        assert_eq!(translate("Play", "xx"), None);
        assert_eq!(translate("Frobnicate", "de"), None);
    }
}
