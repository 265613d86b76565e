--- An example rule file: deaths, injuries and displacement caused by
-- earthquakes, floods and storms, as a new event kind next to the conflict
-- rules.  Load it with
--   wirenews extract --rules examples/rules/disasters.lua examples/rules/quake_article.txt
-- or wn.load_rules("examples/rules/disasters.lua").
local dsl = require("wirenews.dsl")
local W, seq, gap, OPT, COUNT, VICTIM, rule =
  dsl.W, dsl.seq, dsl.gap, dsl.OPT, dsl.COUNT, dsl.VICTIM, dsl.rule

local hazards = {
  "earthquake", "quake", "tremor", "aftershock", "flood", "floods", "flooding",
  "flash floods", "landslide", "landslides", "mudslide", "cyclone", "storm",
  "hurricane", "typhoon", "tsunami",
}

local function V(L) return VICTIM(L.victims, L.sides) end

return {
  id = "disasters",
  -- new victim nouns reach every rule that uses the victims lexicon
  lexicons = {
    victims = {tourists = "civilian", miners = "civilian", passengers = "civilian"},
    hazards = hazards,
  },
  rules = {
    -- "the earthquake killed at least 120 people", "floods have killed 35"
    rule "disaster.active_killed" {
      triggers = hazards,
      priority = 10,                 -- before the conflict rules
      pattern = function(L)
        return seq{W(L.hazards), gap(8),
                   W{"killed", "has killed", "have killed", "left", "claimed"},
                   COUNT, OPT(W"of"), OPT(V(L)), OPT(W"dead")}
      end,
      event = {kind = "disaster_killed"},
    },
    -- "120 people were killed in the earthquake", "35 died in the floods"
    rule "disaster.passive_killed" {
      triggers = hazards,
      priority = 10,
      pattern = function(L)
        return seq{COUNT, OPT(W"of"), V(L), W{"were killed", "have been killed", "died",
                   "have died", "drowned", "were buried"},
                   gap(3), W(L.hazards)}
      end,
      event = {kind = "disaster_killed"},
    },
    -- "injuring more than 300", "300 were injured in the quake"
    rule "disaster.injured" {
      triggers = hazards,
      priority = 10,
      pattern = function(L)
        return seq{W{"injuring", "injured", "wounding"}, COUNT, OPT(W"of"), OPT(V(L))}
      end,
      event = {kind = "disaster_injured"},
    },
    -- "forced 5,000 residents from their homes"
    rule "disaster.displaced" {
      triggers = hazards,
      priority = 10,
      pattern = function(L)
        return seq{W(L.hazards), gap(6), W{"forced", "drove", "displaced", "left"},
                   COUNT, OPT(W"of"), V(L), OPT(W{"homeless", "from their homes"})}
      end,
      event = {kind = "disaster_displaced"},
    },
  },
}
