/// The artist genre strings of the `spotify-songs` profile: for every playlist sub-genre a
/// few artist archetypes, each with the genres its artists always carry and genres they
/// carry with probability one half, in Spotify's own vocabulary.
///
/// The mix is what makes regex binning (the 12 targets of the genre-bins study) behave as
/// on real data: `pop` catches most strings ("dance pop", "pop rap", "hip pop", "latin pop"),
/// r&b goes to jazz/blues, funk and soul to old school dance, "trap" to rap, metal and punk
/// to hardcore, and a few rare archetypes reach country, classical, gospel and focus/sleep.
/// About 2% of artists have no genres at all (an empty field), as on Spotify.
enum SpotifySongsVocabulary {
    /// Artists of one kind.
    struct Archetype: Sendable {
        /// Relative frequency among the sub-genre's artists.
        let weight: Double
        /// Genres every such artist has, in order.
        let always: [String]
        /// Genres each such artist has with probability 1/2, appended in order.
        let often: [String]
    }

    /// Share of artists without genres.
    static let noGenreShare = 0.02

    /// The archetypes of each sub-genre (keys are `playlist_subgenre` values).
    static let archetypes: [String: [Archetype]] = [
        // edm
        "progressive electro house": [
            Archetype(weight: 0.55, always: ["edm", "progressive electro house", "progressive house"],
                      often: ["electro house", "big room", "dance pop", "pop", "tropical house"]),
            Archetype(weight: 0.22, always: ["progressive house", "progressive trance"],
                      often: ["trance", "uplifting trance", "edm"]),
            Archetype(weight: 0.2, always: ["melodic dubstep", "edm"], often: ["electro house", "brostep", "future bass"]),
            Archetype(weight: 0.03, always: ["epicore", "soundtrack"], often: ["scorecore", "orchestral performance"]),
        ],
        "pop edm": [
            Archetype(weight: 0.52, always: ["dance pop", "edm", "pop"],
                      often: ["electropop", "tropical house", "post-teen pop", "uk dance"]),
            Archetype(weight: 0.25, always: ["edm", "tropical house"], often: ["dance pop", "house", "electro house"]),
            Archetype(weight: 0.2, always: ["future bass", "edm"], often: ["electropop", "vapor twitch", "indie electropop"]),
            Archetype(weight: 0.03, always: ["ambient", "chillout"], often: ["focus", "sleep"]),
        ],
        "electro house": [
            Archetype(weight: 0.5, always: ["electro house", "edm"],
                      often: ["big room", "house", "dutch house", "progressive electro house", "dance pop"]),
            Archetype(weight: 0.25, always: ["bass house", "house"], often: ["deep house", "uk house", "electro house", "g-house"]),
            Archetype(weight: 0.15, always: ["complextro", "electro house"], often: ["brostep", "edm", "moombahton"]),
            Archetype(weight: 0.1, always: ["hardstyle", "euphoric hardstyle"], often: ["rawstyle", "edm"]),
        ],
        "big room": [
            Archetype(weight: 0.7, always: ["big room", "edm", "electro house"],
                      often: ["dutch house", "progressive electro house", "pop", "dance pop"]),
            Archetype(weight: 0.3, always: ["big room", "dutch house"], often: ["belgian edm", "electro house", "hardstyle"]),
        ],
        // rap
        "southern hip hop": [
            Archetype(weight: 0.6, always: ["dirty south rap", "hip hop", "rap", "southern hip hop"],
                      often: ["atl hip hop", "trap", "crunk", "pop rap", "gangster rap"]),
            Archetype(weight: 0.2, always: ["houston rap", "southern hip hop"], often: ["chopped and screwed", "rap", "texas hip hop"]),
            Archetype(weight: 0.2, always: ["memphis hip hop", "rap"], often: ["crunk", "trap", "southern hip hop"]),
        ],
        "gangster rap": [
            Archetype(weight: 0.6, always: ["gangster rap", "hip hop", "rap", "west coast rap"],
                      often: ["g funk", "hardcore hip hop", "pop rap", "east coast hip hop"]),
            Archetype(weight: 0.4, always: ["east coast hip hop", "hardcore hip hop", "hip hop"],
                      often: ["boom bap", "gangster rap", "queens hip hop"]),
        ],
        "trap": [
            Archetype(weight: 0.6, always: ["trap", "rap", "atl hip hop"],
                      often: ["melodic rap", "pop rap", "southern hip hop", "emo rap"]),
            Archetype(weight: 0.2, always: ["drill", "chicago drill"], often: ["brooklyn drill", "uk drill", "rap"]),
            Archetype(weight: 0.2, always: ["cloud rap", "underground hip hop"], often: ["vapor trap", "trap", "rap"]),
        ],
        "hip hop": [
            Archetype(weight: 0.6, always: ["hip hop", "pop rap", "rap"],
                      often: ["conscious hip hop", "east coast hip hop", "alternative hip hop", "trap"]),
            Archetype(weight: 0.25, always: ["alternative hip hop", "conscious hip hop"],
                      often: ["jazz rap", "underground hip hop", "abstract hip hop"]),
            Archetype(weight: 0.15, always: ["lo-fi beats", "chillhop"], often: ["jazz boom bap", "japanese chill rap"]),
        ],
        // pop
        "indie poptimism": [
            Archetype(weight: 0.52, always: ["indie pop", "indie poptimism"],
                      often: ["indie folk", "stomp and holler", "modern rock", "la indie"]),
            Archetype(weight: 0.25, always: ["indie folk", "folk-pop"], often: ["stomp and holler", "indie anthem-folk", "chamber pop"]),
            Archetype(weight: 0.2, always: ["bedroom pop", "indie pop"], often: ["lo-fi indie", "alt z"]),
            Archetype(weight: 0.03, always: ["compositional ambient", "neo-classical"], often: ["ambient", "focus"]),
        ],
        "electropop": [
            Archetype(weight: 0.6, always: ["electropop", "pop"], often: ["indie pop", "dance pop", "metropopolis", "alt z"]),
            Archetype(weight: 0.2, always: ["synthpop", "new wave pop"], often: ["new romantic", "electropop"]),
            Archetype(weight: 0.2, always: ["art pop", "indie electropop"], often: ["chamber pop", "escape room"]),
        ],
        "dance pop": [
            Archetype(weight: 0.7, always: ["dance pop", "pop"], often: ["post-teen pop", "electropop", "pop rap", "r&b"]),
            Archetype(weight: 0.15, always: ["europop", "eurodance"], often: ["dance pop", "italo dance"]),
            Archetype(weight: 0.15, always: ["k-pop", "k-pop boy group"], often: ["k-pop girl group", "korean pop"]),
        ],
        "post-teen pop": [
            Archetype(weight: 0.6, always: ["pop", "post-teen pop"], often: ["dance pop", "canadian pop", "teen pop", "pop rap"]),
            Archetype(weight: 0.15, always: ["boy band", "pop"], often: ["post-teen pop", "uk pop"]),
            Archetype(weight: 0.1, always: ["contemporary country", "country road"], often: ["country", "country dawn"]),
            Archetype(weight: 0.15, always: ["viral pop", "alt z"], often: ["pop", "electropop"]),
        ],
        // r&b
        "neo soul": [
            Archetype(weight: 0.5, always: ["neo soul", "r&b"], often: ["contemporary r&b", "quiet storm", "soul", "indie soul"]),
            Archetype(weight: 0.25, always: ["neo soul", "soul"], often: ["afrofuturism", "funk", "jazz funk"]),
            Archetype(weight: 0.25, always: ["alternative r&b", "indie r&b"], often: ["neo soul", "chill r&b"]),
        ],
        "urban contemporary": [
            Archetype(weight: 0.6, always: ["r&b", "urban contemporary"], often: ["contemporary r&b", "hip pop", "dance pop", "pop"]),
            Archetype(weight: 0.32, always: ["quiet storm", "soul"], often: ["adult standards", "motown"]),
            Archetype(weight: 0.08, always: ["gospel", "worship"], often: ["christian music", "ccm"]),
        ],
        "hip pop": [
            Archetype(weight: 0.6, always: ["hip pop", "r&b", "pop rap"], often: ["dance pop", "urban contemporary", "hip hop"]),
            Archetype(weight: 0.4, always: ["contemporary r&b", "r&b"], often: ["trap soul", "urban contemporary"]),
        ],
        "new jack swing": [
            Archetype(weight: 0.6, always: ["new jack swing", "r&b"], often: ["quiet storm", "funk", "urban contemporary", "hip hop"]),
            Archetype(weight: 0.25, always: ["funk", "post-disco"], often: ["boogie", "quiet storm", "disco"]),
            Archetype(weight: 0.15, always: ["motown", "soul"], often: ["classic soul", "disco"]),
        ],
        // latin
        "latin hip hop": [
            Archetype(weight: 0.7, always: ["latin hip hop", "reggaeton", "trap latino"],
                      often: ["latin", "urbano latino", "reggaeton flow"]),
            Archetype(weight: 0.15, always: ["mexican hip hop", "latin hip hop"], often: ["rap conciencia"]),
            Archetype(weight: 0.15, always: ["trap latino", "urbano latino"], often: ["reggaeton", "latin"]),
        ],
        "tropical": [
            Archetype(weight: 0.4, always: ["tropical", "latin"], often: ["salsa", "merengue", "bachata", "tropical house"]),
            Archetype(weight: 0.3, always: ["salsa", "salsa puertorriquena"], often: ["tropical", "latin"]),
            Archetype(weight: 0.2, always: ["tropical house", "edm"], often: ["pop", "electropop"]),
            Archetype(weight: 0.1, always: ["reggae fusion", "dancehall"], often: ["pop"]),
        ],
        "latin pop": [
            Archetype(weight: 0.6, always: ["latin pop", "latin"], often: ["reggaeton", "tropical", "pop"]),
            Archetype(weight: 0.15, always: ["cumbia", "latin"], often: ["cumbia villera", "tropical"]),
            Archetype(weight: 0.15, always: ["banda", "regional mexican"], often: ["norteno", "mariachi"]),
            Archetype(weight: 0.1, always: ["bachata", "tropical"], often: ["latin"]),
        ],
        "reggaeton": [
            Archetype(weight: 0.8, always: ["reggaeton", "latin"], often: ["trap latino", "reggaeton flow", "urbano latino", "latin pop"]),
            Archetype(weight: 0.2, always: ["dembow", "latin"], often: ["reggaeton"]),
        ],
        // rock
        "hard rock": [
            Archetype(weight: 0.55, always: ["hard rock", "rock"], often: ["album rock", "glam metal", "classic rock", "metal"]),
            Archetype(weight: 0.2, always: ["alternative metal", "nu metal"], often: ["post-grunge", "rap metal"]),
            Archetype(weight: 0.15, always: ["metal", "thrash metal"], often: ["speed metal", "old school thrash"]),
            Archetype(weight: 0.1, always: ["punk", "skate punk"], often: ["pop punk", "melodic hardcore"]),
        ],
        "classic rock": [
            Archetype(weight: 0.8, always: ["classic rock", "rock"],
                      often: ["album rock", "blues rock", "psychedelic rock", "british invasion", "art rock"]),
            Archetype(weight: 0.1, always: ["folk", "singer-songwriter"], often: ["folk rock", "roots rock"]),
            Archetype(weight: 0.1, always: ["blues", "electric blues"], often: ["chicago blues", "british blues"]),
        ],
        "permanent wave": [
            Archetype(weight: 0.7, always: ["permanent wave", "modern rock", "rock"],
                      often: ["alternative rock", "new wave", "post-punk", "britpop"]),
            Archetype(weight: 0.15, always: ["new wave", "synthpop"], often: ["new romantic", "permanent wave"]),
            Archetype(weight: 0.15, always: ["alternative rock", "grunge"], often: ["permanent wave", "post-grunge"]),
        ],
        "album rock": [
            Archetype(weight: 0.8, always: ["album rock", "classic rock", "rock"],
                      often: ["hard rock", "mellow gold", "soft rock", "folk rock", "heartland rock"]),
            Archetype(weight: 0.2, always: ["mellow gold", "soft rock"], often: ["yacht rock", "singer-songwriter"]),
        ],
    ]

    /// The genre string of a new artist of `subgenre` ("" for an artist without genres).
    static func artistGenres(subgenre: String, _ rng: inout Xoshiro256StarStar) -> String {
        if rng.nextDouble() < noGenreShare { return "" }
        guard let kinds = archetypes[subgenre], !kinds.isEmpty else { return subgenre }
        let kind = kinds[SyntheticDraw.pick(kinds.map(\.weight), &rng)]
        var genres = kind.always
        for genre in kind.often where rng.nextDouble() < 0.5 { genres.append(genre) }
        return genres.joined(separator: ", ")
    }
}
