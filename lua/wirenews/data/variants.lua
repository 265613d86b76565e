--- The transliteration key of the default gazetteer: plain data, copy it
-- and extend it, then pass it as wn.gazetteer{variants = my_variants}.
--
-- How a word becomes its key (csrc/normalize.c):
--   1. case folded; diacritics removed (ā -> a, ḥ -> h, ş -> s, é -> e);
--      transliteration marks dropped (ʿ ʾ ' ’ ` and the stops of "U.N.");
--   2. in words of four letters or more, a doubled consonant written once
--      (Assad -> asad, Lattakia -> latakia; "USS" stays apart from "US");
--   3. `rules`, in one left-to-right pass: at each position the longest
--      rule that fits is applied ("^" anchors a rule to the start of the
--      word, "$" to its end) and the scan goes on after it;
--   4. `words`: the first spelling gets the key of the second.
-- `articles` are optional in names when joined by a hyphen ("al-Zakat",
-- "ez-Zor"); `solo_articles` also as a word of their own ("Bashar Al Assad").
-- A word's key never merges with a different consonant skeleton: Homs/Hama,
-- Hama/Hamas, Assad/Assadi stay apart (spec/gazetteer_spec.lua checks these
-- and more pairs).
return {
  articles = { "al", "el", "ad", "ed", "as", "es", "ash", "esh", "az", "ez",
               "ar", "er", "at", "et", "an", "en", "ath", "adh", "ul" },
  solo_articles = { "al", "el" },
  rules = {
    -- vowels written differently in English and French transliteration
    { "ou", "u" },          -- Zaytoun / Zaytun, Sheikhoun / Sheikhun
    { "oo", "u" },          -- Zoor / Zur
    { "ee", "i" },          -- Zeeb / Zib
    { "aee", "ay" },        -- Arba'een / Arbain
    { "ei", "ay" },         -- Deir / Dayr, Sheikh / Shaykh
    { "ey", "ay" },         -- Zeytun / Zaytun
    { "ai", "ay" },         -- Shaikh / Shaykh, Dair / Dayr
    -- the feminine and adjective endings
    { "iyeh$", "iya" },     -- Khaldiyeh / Khaldiyah / Khaldiya
    { "iyah$", "iya" },
    { "iye$", "iya" },
    { "ieh$", "iya" },      -- Khalidieh
    { "ia$", "iya" },       -- Latakia / Latakiya
    { "eh$", "a" },         -- Latamneh / Latamna, Houleh / Hula
    { "ah$", "a" },         -- Hamah / Hama, Raqqah / Raqqa
    -- whole words
    { "^kafr$", "kfar" },   -- Kafr Zita / Kfar Zita
    { "^kefr$", "kfar" },
    { "^kafar$", "kfar" },
    { "^tel$", "tal" },      -- Tell / Tall (doubles are already single)
    { "^abdel$", "abdul" }, -- Abdel Rahman / Abdul Rahman / Abd al-Rahman
    { "^abdal$", "abdul" },
    { "^abd$", "abdul" },
    { "^mohamed$", "muhamad" },
    { "^mohamad$", "muhamad" },
    { "^muhamed$", "muhamad" },
  },
  words = {
    { "Khalidiyeh", "Khaldiyeh" },   -- Homs neighbourhood
    { "Zour", "Zor" },               -- Deir al-Zour / Deir ez-Zor
    { "Ezzor", "Zor" },              -- Deir Ezzor (article written solid)
    { "Zzor", "Zor" },
    { "Qaida", "Qaeda" },            -- al-Qaida / al-Qaeda
  },
}
