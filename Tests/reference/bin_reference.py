"""Expected labels of the 12-genre study's ordered regex binning, for the {bin} directive test.

Applies the study's `binning` function (seeds/002: pandas str.contains, first rule wins,
unmatched → NaN) to a fixture of artist genre strings and writes
Tests/Fixtures/bin/genres.json with the strings, the rules and the expected labels (null = no
rule matched).

    python3 Tests/reference/bin_reference.py
"""
import json
import pathlib

import pandas as pd

ROOT = pathlib.Path(__file__).resolve().parents[2]
RULES = [
    ("pop", r"pop|indie|a cappella|doo-wop|boy band|christmas|halloween"),
    ("rock", r"rock|jam band|dreamo|screamo|emo|grunge|pixie|new wave|surf music"),
    ("jazz/blues", r"jazz|swing|broadway|blues|r&b|fusion|disney|barbershop|hollywood|show tunes|ragtime|stride|big band| hard bop| post bop|cabaret"),
    ("hardcore", r"metal|punk|djent|deathcore|hardcore|thrash"),
    ("dance", r"dub|techno|electro|trance|house|step|turntablism|jack swing|edm|room|drum and bass|workout|otacore|glitch|vapor|eurodance|hardstyle|wonky|rave"),
    ("country, folk", r"country|folk|bluegrass|nursery|americana|western|hawaiian|zydeco|zouk|redneck|children|lift kit"),
    ("rap/hip hop", r"rap|hip hop|lo-fi|chillhop|trip hop|drill|downtempo"),
    ("classical", r"classical|romantic|opera|orchestra|movie|baroque|piano|choral|wind ensemble|string quartet| video game|soundtrack|fingerstyle|chiptune|epicore|violin|flamenco|filmi|marching"),
    ("old school dance", r"funk|soul|disco|reggae|afropop|azontobeats|ska|opm|soca"),
    ("mexicano/latino", r"mexican|tejano|norteno|cumbia|banda|mariachi|reggaeton|urbano|latin christian|bossa|bolero|salsa|cubaton|rumba|boogaloo"),
    ("gospel/worship", r"gospel|worship|praise"),
    ("focus/sleep", r"focus|sleep|relax|mellow|ambient|chill lounge|meditation"),
]
GENRES = [
    "dance pop, edm, pop", "album rock, classic rock, hard rock", "southern hip hop, trap, rap",
    "neo soul, r&b", "big room, edm, electro house", "progressive electro house", "deep house",
    "bebop, cool jazz, hard bop", "thrash metal, speed metal", "contemporary country, country road",
    "indie folk, stomp and holler", "lo-fi beats, chillhop", "baroque, early music", "disco, funk",
    "reggaeton, latin, tropical", "christian worship, worship", "sleep, ambient", "k-pop",
    "emo rap, pop punk", "grunge, alternative rock", "drum and bass, liquid funk", "trip hop, downtempo",
    "soundtrack, orchestral", "ska punk", "banda, norteno, regional mexican", "gospel",
    "meditation, new age", "polka", "chanson, french", "flamenco, rumba", "afropop, highlife",
    "jack swing, new jack swing", "vaporwave", "opera, classical", "surf music",
    "Dance Pop", "HIP HOP",  # {bin} is case-insensitive (SPEC), so expected labels use .lower()
    "bossa nova, mpb", "celtic", "",
]


def main():
    frame = pd.DataFrame({"genre": GENRES})
    target = []
    for value in frame["genre"]:
        label = None
        for name, pattern in RULES:
            if pd.Series([value.lower()]).str.contains(pattern).iloc[0]:
                label = name
                break
        target.append(label)
    out = ROOT / "Tests" / "Fixtures" / "bin" / "genres.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"rules": RULES, "genres": GENRES, "target": target}, indent=1) + "\n")
    print(f"wrote {out}: {sum(t is not None for t in target)} of {len(target)} matched")


if __name__ == "__main__":
    main()
