/// How the tracks of one genre of the `beatport` profile are drawn.
///
/// Plain 0–1 features (danceability, energy, valence) are clipped normals; skewed ones
/// (acousticness, instrumentalness, speechiness, liveness) are logit-normal, given by the
/// mean and spread of their logit.
struct GenreStyle: Sendable {
    /// A mean and a standard deviation.
    struct Spread: Sendable {
        let mean: Double
        let sd: Double

        /// `mean + sd · z`.
        func at(_ z: Double) -> Double { mean + sd * z }
    }

    /// How a genre's tempo (BPM) is drawn.
    enum Tempo: Sendable {
        /// A normal around a club convention, clamped to `range`; `halfTimeShare` of the
        /// tracks are reported at half speed (as Spotify does for drum & bass).
        case convention(Spread, range: ClosedRange<Double>, halfTimeShare: Double)
        /// Whole BPM uniform over `range`: no single centre.
        case uniform(ClosedRange<Double>)
    }

    let name: String
    let energy: Spread
    let loudness: Spread
    let danceability: Spread
    let valence: Spread
    let acousticnessLogit: Spread
    /// Share of tracks with vocals: their instrumentalness is 0 or tiny.
    let vocalShare: Double
    let instrumentalnessLogit: Spread
    let speechinessLogit: Spread
    let livenessLogit: Spread
    let tempo: Tempo
    /// Share of tracks whose broken beats throw the tempo estimate off on top of the
    /// misjudgements every genre has: reported at 3/4 or 2/3 of the full tempo, or anywhere
    /// (drum & bass).
    var breakbeatShare = 0.0
    /// Share of tracks in a major key (`mode` 1).
    let majorShare: Double
}
