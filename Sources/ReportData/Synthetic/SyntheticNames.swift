/// Made-up artist and track names for the synthetic profiles: plausible, varied, never
/// real artists. Some contain non-ASCII letters, commas, ampersands or quotes, as real
/// catalogue data does (so CSV quoting is exercised).
enum SyntheticNames {
    /// How a genre's artists tend to be named.
    enum Style: Sendable {
        case electronic, rap, pop, soul, latin, rock, jazz, folk
    }

    static let firstNames = [
        "Alex", "Maya", "Jordan", "Luca", "Nina", "Omar", "Sofia", "Theo", "Zara", "Kai", "Leo", "Ivy",
        "Mila", "Noah", "Ezra", "Aria", "Jonas", "Elena", "Marco", "Lena", "Felix", "Rosa", "Hugo", "Clara",
        "Diego", "Iris", "Oscar", "Nora", "Ravi", "Yara", "Björn", "Zoë", "Chloé", "André", "Søren", "Inés",
        "Maël", "Amara", "Tariq", "Hana", "Callum", "Freya", "Dante", "Esme", "Malik", "Priya", "Rufus", "Tessa",
        "Jasper", "Nadia", "Silas", "Ada", "Idris", "Lola", "Otis", "Wren", "Soren", "Mira", "Ezekiel", "June",
        "Kofi", "Lior", "Annika", "Bruno", "Celine", "Dmitri", "Eliza", "Farah", "Gideon", "Hazel",
    ]
    static let lastNames = [
        "Carter", "Vale", "Moreno", "Hart", "Lindqvist", "Okafor", "Reyes", "Stone", "Fischer", "Nakamura",
        "Brooks", "Silva", "Novak", "Quinn", "Baker", "Costa", "Dahl", "Ellis", "Ferreira", "Grant", "Holm",
        "Ibarra", "Jensen", "Keller", "Lund", "Marsh", "Nilsen", "Ortega", "Pike", "Rowe", "O'Neill", "Müller",
        "Sato", "Adeyemi", "Walsh", "Bellamy", "Kowalski", "Duval", "Haddad", "Kim", "Ashford", "Blake",
        "Calloway", "Drummond", "Everett", "Fontaine", "Galloway", "Hayes", "Ingram", "Jovanovic", "Kerr",
        "Larsen", "Mendes", "Nyberg", "Osei", "Park", "Rahman", "Sinclair", "Thorne", "Underwood",
    ]
    static let latinFirst = [
        "Mateo", "Camila", "Santiago", "Valentina", "Alejandro", "Lucía", "Nicolás", "Daniela", "Sebastián",
        "Mariana", "Joaquín", "Paula", "Andrés", "Ximena", "Tomás", "Renata", "Iván", "Belén", "Emilio",
        "Guadalupe", "Rafael", "Catalina", "Julián", "Abril", "Gael", "Jimena", "Lorenzo", "Pilar",
    ]
    static let latinLast = [
        "García", "Rodríguez", "Martínez", "López", "Hernández", "Peña", "Castillo", "Rivera", "Vargas", "Rojas",
        "Navarro", "Díaz", "Montero", "Cruz", "Salazar", "Guzmán", "Ortiz", "Ramos", "Medina", "Fuentes",
        "Aguilar", "Ibáñez", "Serrano", "Molina",
    ]
    static let electronicWords = [
        "Nova", "Pulse", "Echo", "Volt", "Lumen", "Axis", "Neon", "Orbit", "Prism", "Sonic", "Zenith", "Vertex",
        "Flux", "Apex", "Halo", "Drift", "Ember", "Strobe", "Cipher", "Aurora", "Kinetic", "Mirage", "Nebula", "Quasar",
        "Solace", "Vanta", "Helix", "Aether", "Parallax", "Sable", "Tundra", "Radiant", "Monolith", "Glacier",
        "Phantom", "Spectra", "Onyx", "Velour", "Circuit", "Lucid",
    ]
    static let rapWords = [
        "Tay", "Drako", "Savo", "Kash", "Nuke", "Blaze", "Trill", "Vado", "Jiggy", "Smoke", "Reek", "Zay",
        "Boogie", "Dot", "Milli", "Tre", "Ghost", "Fresh", "Sosa", "Quez", "Pesos", "Yung", "Chase", "Rico",
        "Nardo", "Keemo", "Bandz", "Lucci", "Juice", "Tizzy", "Wooly", "Gusto", "Rellz", "Shiesty", "Dre", "Mookie",
    ]
    static let adjectives = [
        "Velvet", "Electric", "Silver", "Broken", "Wild", "Midnight", "Crimson", "Hollow", "Golden", "Restless",
        "Iron", "Lonely", "Neon", "Paper", "Secret", "Sweet", "Blue", "Northern", "Young", "Little",
        "Burning", "Quiet", "Savage", "Faded", "Hidden", "Cosmic", "Rusty", "Sacred", "Frozen", "Scarlet",
        "Howling", "Painted", "Drunken", "Gentle", "Static", "Wandering", "Bitter", "Atomic", "Lucky", "Ancient",
    ]
    static let nouns = [
        "Wolves", "Rivers", "Saints", "Ravens", "Stones", "Engines", "Harbors", "Lanterns", "Arrows", "Kings",
        "Comets", "Vipers", "Pilots", "Ghosts", "Rebels", "Tigers", "Hearts", "Mountains", "Satellites", "Oceans",
        "Foxes", "Anchors", "Giants", "Sparrows", "Machines", "Thieves", "Prophets", "Drifters", "Orchids", "Bandits",
        "Echoes", "Wires", "Horses", "Monarchs", "Strangers", "Lions", "Sirens", "Outlaws", "Crows", "Embers",
    ]
    static let songWords = [
        "Love", "Night", "Fire", "Summer", "Heart", "Dream", "Light", "City", "Rain", "Gold", "Paradise",
        "Tonight", "Forever", "Money", "Home", "Dance", "Shadow", "Memory", "Ocean", "Sky", "Wave", "Daylight",
        "Highway", "Secrets", "Bounce", "Corazón", "Fuego", "Noche", "Mañana", "Starlight",
    ]
    static let songVerbs = [
        "Hold", "Call", "Take", "Leave", "Save", "Want", "Need", "Tell", "Show", "Feel", "Follow", "Chase",
        "Wake", "Lose", "Find", "Kiss",
    ]

    /// A made-up artist name in `style`.
    static func artist(_ style: Style, _ rng: inout Xoshiro256StarStar) -> String {
        let u = rng.nextDouble()
        func one(_ list: [String]) -> String { SyntheticDraw.one(list, &rng) }
        switch style {
        case .electronic:
            if u < 0.3 { return one(electronicWords) + one(["", "x", "o", "ix", "ar"]) }
            if u < 0.45 { return "DJ " + one(electronicWords) }
            if u < 0.6 { return one(electronicWords) + " & " + one(electronicWords) }
            if u < 0.7 { return one(["R", "K", "X", "Z", "V"]) + String(rng.nextInt(below: 9) + 1) + one(["HAB", "NO", "X", "VE"]) }
            return one(firstNames) + " " + one(lastNames)
        case .rap:
            if u < 0.25 { return "Lil " + one(rapWords) }
            if u < 0.4 { return "Young " + one(rapWords) }
            if u < 0.5 { return one(rapWords) + " Da " + one(["Kid", "Don", "Boss", "Plug"]) }
            if u < 0.6 { return "MC " + one(rapWords) }
            if u < 0.75 { return one(rapWords) + one(["", " Money", " Gang", " 2x", " Savage"]) }
            return one(firstNames) + " " + one(lastNames)
        case .pop, .soul:
            if u < 0.6 { return one(firstNames) + " " + one(lastNames) }
            if u < 0.8 { return one(firstNames) }
            return "The " + one(adjectives) + " " + one(nouns)
        case .latin:
            if u < 0.5 { return one(latinFirst) + " " + one(latinLast) }
            if u < 0.65 { return one(["J", "El", "La", "Don", "DJ"]) + " " + one(rapWords) }
            if u < 0.8 { return one(latinFirst) + " y " + one(latinFirst) }
            return one(latinFirst)
        case .rock:
            if u < 0.45 { return "The " + one(adjectives) + " " + one(nouns) }
            if u < 0.65 { return one(adjectives) + " " + one(nouns) }
            if u < 0.75 { return one(nouns) + ", " + one(nouns) + " & " + one(nouns) }
            if u < 0.85 { return one(firstNames) + " " + one(lastNames) + " Band" }
            return one(firstNames) + " " + one(lastNames)
        case .jazz:
            if u < 0.6 { return one(firstNames) + " " + one(lastNames) }
            return one(firstNames) + " " + one(lastNames) + one([" Trio", " Quartet", " Ensemble"])
        case .folk:
            if u < 0.5 { return one(firstNames) + " " + one(lastNames) }
            return one(["The ", ""]) + one(adjectives) + " " + one(nouns)
        }
    }

    /// A made-up track title; `featuring` may be added as a guest (`feat.`), and electronic
    /// titles are often remixes.
    static func track(_ style: Style, featuring guest: String?, _ rng: inout Xoshiro256StarStar) -> String {
        func one(_ list: [String]) -> String { SyntheticDraw.one(list, &rng) }
        let u = rng.nextDouble()
        var title: String
        if u < 0.3 {
            title = one(songWords)
        } else if u < 0.55 {
            title = one(adjectives) + " " + one(songWords)
        } else if u < 0.7 {
            title = one(songVerbs) + " " + one(["Me", "You", "It", "Us", "the " + one(songWords)])
        } else if u < 0.8 {
            title = "Don't " + one(songVerbs) + " " + one(["Me", "Me Now", "It Up", "Away"])
        } else if u < 0.9 {
            title = one(songWords) + ", " + one(songWords)
        } else {
            title = "\"" + one(songWords) + "\" " + one(["Interlude", "Reprise", "(Live)", "Pt. 2"])
        }
        if let guest { title += " (feat. " + guest + ")" }
        if style == .electronic, rng.nextDouble() < 0.35 {
            title += " - " + artist(.electronic, &rng) + " Remix"
        }
        return title
    }
}
