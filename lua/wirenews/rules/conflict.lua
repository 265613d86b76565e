--- The default conflict rule pack: casualties, displacement, territorial
-- control, attacks, clashes and arrests, with the lexicons the event
-- assembler uses for victims, attribution, cumulative tolls and hedges.
--
-- Copy this file to start a pack of your own, or load a small file on top
-- of it with wn.load_rules(path): packs add rules, replace rules with the
-- same id, disable rules by id, and extend lexicons.  Patterns written as
-- `function(L) ... end` are built from the merged lexicons `L`, so a word
-- added to a lexicon by a later pack reaches every rule that uses it.
local dsl = require("wirenews.dsl")
local W, seq, gap, OPT, COUNT, ENT, VICTIM, AS, SET, rule =
  dsl.W, dsl.seq, dsl.gap, dsl.OPT, dsl.COUNT, dsl.ENT, dsl.VICTIM, dsl.AS,
  dsl.SET, dsl.rule

local lexicons = {
  -- victim nouns and the class they give
  victims = {
    civilians = "civilian", civilian = "civilian", children = "civilian",
    child = "civilian", women = "civilian", babies = "civilian",
    infants = "civilian", residents = "civilian", villagers = "civilian",
    protesters = "civilian", demonstrators = "civilian", students = "civilian",
    journalists = "civilian", worshippers = "civilian", refugees = "civilian",
    patients = "civilian", doctors = "civilian", ["aid workers"] = "civilian",
    families = "civilian", pilgrims = "civilian", detainees = "civilian",
    prisoners = "civilian", activists = "civilian", farmers = "civilian",
    fighters = "combatant", rebels = "combatant", militants = "combatant",
    insurgents = "combatant", jihadists = "combatant", extremists = "combatant",
    combatants = "combatant", militiamen = "combatant", loyalists = "combatant",
    gunmen = "combatant", guerrillas = "combatant", jihadis = "combatant",
    soldiers = "military", troops = "military", servicemen = "military",
    officers = "military", policemen = "military", police = "military",
    personnel = "military", guards = "military", conscripts = "military",
    members = "unknown", people = "unknown", persons = "unknown",
    others = "unknown", victims = "unknown", men = "unknown",
    bodies = "unknown", lives = "unknown", individuals = "unknown",
  },
  -- modifiers that name a side and so decide the class
  sides = {
    rebel = "combatant", opposition = "combatant", jihadist = "combatant",
    extremist = "combatant", militia = "combatant", insurgent = "combatant",
    ["pro-regime"] = "combatant", ["pro-government"] = "combatant",
    regime = "combatant", loyalist = "combatant", kurdish = "combatant",
    army = "military", government = "military", security = "military",
    civilian = "civilian", unarmed = "civilian",
  },
  killed_verbs = {
    "killed", "slain", "massacred", "executed", "shot dead", "beheaded",
    "gunned down", "murdered", "lost their lives", "killed or wounded",
  },
  wounded_verbs = {"wounded", "injured", "hurt", "maimed"},
  auxiliaries = {
    "were", "was", "have been", "has been", "had been", "are", "is",
    "being", "have reportedly been", "were reportedly", "were also",
    "have also been", "were all",
  },
  -- words that attribute a statement to a source
  attribution_verbs = {
    "said", "says", "say", "added", "adding", "reported", "reports",
    "told", "announced", "stated", "claimed", "according to", "confirmed",
  },
  -- source words that refer back to the last named source
  source_pronouns = {
    ["it"] = "org", ["the group"] = "org", ["the monitoring group"] = "org",
    ["the monitor"] = "org", ["the agency"] = "org", ["the organisation"] = "org",
    ["the organization"] = "org", ["they"] = "org",
    ["he"] = "person", ["she"] = "person",
  },
  -- markers that make a toll cumulative when they follow the event
  cumulative = {
    "since", "so far", "to date", "in total", "altogether", "overall",
    "since the start", "since the uprising", "since the conflict began",
  },
  -- verb forms that make a toll cumulative ("has killed", "have died")
  cumulative_verbs = {
    "has killed", "have killed", "has cost", "have cost", "has claimed",
    "have claimed", "have died", "has left", "have left",
  },
  -- hedges: the event is flagged unconfirmed
  hedges = {
    "could not be independently confirmed", "could not be independently verified",
    "could not be confirmed", "could not be verified", "was not available",
    "were not available", "unconfirmed", "not independently verified",
    "impossible to verify", "could not immediately be verified",
  },
  -- introduce a subset of the count before them
  subset_markers = {"including", "among them", "among whom", "of whom", "of them"},

  -- the words of the rules below; a rule's triggers are the first words
  -- of its lexicon's phrases, so extending a lexicon extends both
  passive_killed_triggers = {"killed", "slain", "massacred", "executed", "shot",
    "beheaded", "gunned", "murdered", "lost"},
  active_killed = {"killed", "killing", "kills", "kill"},
  active_wounded = {"wounded", "wounding", "injured", "injuring", "injures", "wounds"},
  died = {"died", "perished"},
  killed_participles = {"killed", "slain", "wounded", "injured"},
  lives_verbs = {"claimed", "cost", "costing", "claiming", "took", "taking", "claims", "costs"},
  toll_verbs = {"rose to", "reached", "climbed to", "stood at", "has risen to", "had risen to",
    "is", "was", "of", "at", "includes", "included", "topped", "hit", "jumped to"},
  death_nouns = {"massacre", "killing", "killings", "deaths", "death", "slaughter"},
  toll_nouns = {"deaths", "fatalities", "casualties"},
  displacing = {"pushed", "driven", "drove", "forced", "displaced", "uprooted",
    "displacing", "forcing", "pushing", "driving"},
  from_homes = {"from their homes", "out of their homes", "to flee", "from the area",
    "from their villages", "to leave their homes"},
  displaced = {"fled", "displaced", "uprooted", "evacuated", "fleeing"},
  seizing = {"seized control of", "took control of", "taken control of", "seized", "captured",
    "recaptured", "overran", "retook", "seizing control of", "capturing", "seizing",
    "recapturing", "took full control of"},
  came_under = {"came under", "fell under", "fell into", "come under", "falls under",
    "returned to", "back under"},
  withdrawing = {"withdrew from", "withdrawn from", "pulled out of", "retreated from",
    "withdrew", "had withdrawn", "have withdrawn", "withdrawing from"},
  shelling = {"shelling", "shelled", "shells", "artillery fire", "artillery barrages",
    "barrages", "barrage", "shell"},
  air_strikes = {"air strikes", "air strike", "airstrikes", "airstrike", "air raids",
    "air raid", "warplanes", "jets bombed", "helicopters", "barrel bombs", "barrel bomb"},
  bombardment = {"bombed", "bombing", "bombings", "bombarded", "bombardment",
    "bombardments", "bombarding", "bombard"},
  assaults = {"attacked", "attack", "attacks", "attacking", "assault", "offensive",
    "storming", "stormed", "raid", "raided", "ambush", "ambushed"},
  clashes = {"clashed", "clashes", "clash", "fighting", "battles", "fought", "battled"},
  arresting = {"arrested", "arresting", "detained", "detaining", "arrests", "rounded up",
    "detains"},
  abducting = {"kidnapped", "kidnapping", "abducted", "abducting", "taken hostage",
    "seized as hostages"},
}

local function V(L) return VICTIM(L.victims, L.sides) end
local OF = OPT(W"of")

-- A rule that reports each mention of a lexicon's words as an event.
local function mention(id, words, event)
  return rule(id) {
    triggers = words,
    pattern = function(L) return AS("verb", W(L[words])) end,
    event = event,
  }
end

local rules = {
  -- "four civilians were killed", "at least 92 soldiers have been killed"
  rule "casualty.passive_killed" {
    triggers = "passive_killed_triggers",
    pattern = function(L)
      return seq{COUNT, OF, V(L), OPT(W{"who", "that"}), W(L.auxiliaries), W(L.killed_verbs)}
    end,
    event = {kind = "killed"},
    voice = "passive",
    chain = true,
  },
  -- "two rebel fighters were wounded"
  rule "casualty.passive_wounded" {
    triggers = "wounded_verbs",
    pattern = function(L)
      return seq{COUNT, OF, V(L), W(L.auxiliaries), W(L.wounded_verbs)}
    end,
    event = {kind = "wounded"},
    voice = "passive",
    chain = true,
  },
  -- "the clashes killed 10 regime loyalists", "have killed more than 800
  -- civilians", "killing at least 12 people"
  rule "casualty.active_killed" {
    triggers = "active_killed",
    pattern = function(L)
      return seq{W(L.active_killed), OPT(W{"at", "off"}), COUNT, OF, V(L)}
    end,
    event = {kind = "killed"},
    chain = true,
  },
  rule "casualty.active_wounded" {
    triggers = "active_wounded",
    pattern = function(L) return seq{W(L.active_wounded), COUNT, OF, V(L)} end,
    event = {kind = "wounded"},
    chain = true,
  },
  -- "18 prematurely born babies who died", "2,400 ... have died"
  rule "casualty.died" {
    triggers = "died",
    pattern = function(L)
      return seq{COUNT, OF, V(L), OPT(W{"who", "that"}), OPT(W{"have", "had", "has"}),
                 W(L.died)}
    end,
    event = {kind = "killed"},
    voice = "passive",
    chain = true,
  },
  -- "the more than 13,500 people killed since the uprising began"
  rule "casualty.reduced_relative" {
    triggers = "killed_participles",
    pattern = function(L)
      return seq{COUNT, OF, V(L), AS("verb", W(L.killed_participles))}
    end,
    event = {kind = "killed"},
    voice = "passive",
    kind_from = {wounded = "wounded", injured = "wounded"},
  },
  -- "claimed at least 35 lives", "has cost thousands of lives"
  rule "casualty.lives" {
    triggers = "lives_verbs",
    pattern = function(L) return seq{W(L.lives_verbs), COUNT, OF, V(L)} end,
    event = {kind = "killed"},
    require_noun = {lives = true},
  },
  -- "the death toll rose to 47", "the overnight death toll in Homs
  -- includes 18 prematurely born babies"
  rule "casualty.toll" {
    triggers = {"toll"},
    pattern = function(L)
      return seq{W"toll", gap(5), W(L.toll_verbs), COUNT, OPT(seq{OF, V(L)})}
    end,
    event = {kind = "killed"},
    voice = "passive",
  },
  -- "47 dead", "leaving 10 people dead"
  rule "casualty.dead" {
    triggers = {"dead"},
    pattern = function(L)
      return seq{COUNT, OPT(seq{OF, V(L)}), OPT(W{"were", "are", "lay", "left"}), W"dead"}
    end,
    event = {kind = "killed"},
    voice = "passive",
  },
  -- "the Houla massacre of more than 100 people", "the deaths of 12 people"
  rule "casualty.noun_of" {
    triggers = "death_nouns",
    pattern = function(L) return seq{W(L.death_nouns), W"of", COUNT, OPT(V(L))} end,
    event = {kind = "killed"},
    voice = "passive",
  },
  -- "12 deaths", "30 casualties" (casualties count the killed and wounded)
  rule "casualty.count_noun" {
    triggers = "toll_nouns",
    pattern = function(L) return seq{COUNT, AS("noun", W(L.toll_nouns))} end,
    event = {kind = "killed"},
    voice = "passive",
    kind_from = {casualties = "casualties"},
  },

  -- displacement: "pushed 400,000 people from their homes", "driven
  -- millions from their homes", "forced 2,000 families to flee"
  rule "displacement.active" {
    triggers = "displacing",
    pattern = function(L)
      return seq{W(L.displacing), COUNT, OPT(seq{OF, V(L)}), OPT(W(L.from_homes))}
    end,
    event = {kind = "displaced"},
    chain = true,
  },
  -- "400,000 people have fled", "2,000 families were displaced"
  rule "displacement.passive" {
    triggers = "displaced",
    pattern = function(L)
      return seq{COUNT, OF, V(L), OPT(W{"have", "had", "has", "were", "have been", "had been",
                                        "are", "who", "who have"}),
                 W(L.displaced)}
    end,
    event = {kind = "displaced"},
    voice = "passive",
    chain = true,
  },

  -- territorial control: "seized control of Kfar Zita", "captured a town"
  rule "control.seized" {
    triggers = "seizing",
    pattern = function(L)
      return seq{AS("verb", W(L.seizing)), OPT(seq{gap(6), ENT("place")})}
    end,
    event = {kind = "captured"},
  },
  -- "came under regime control"
  rule "control.came_under" {
    triggers = "came_under",
    pattern = function(L) return seq{W(L.came_under), gap(2), W"control"} end,
    event = {kind = "captured"},
    voice = "passive",
    place_before = true,
  },
  rule "control.withdrew" {
    triggers = "withdrawing",
    pattern = function(L)
      return seq{W(L.withdrawing), OPT(seq{gap(4), ENT("place")})}
    end,
    event = {kind = "withdrawal"},
    not_after = {"never", "not", "refused to", "would never"},
  },

  -- attacks, with the kind of attack as `subtype`; clashes; arrests
  mention("attack.shelling", "shelling", {kind = "attack", subtype = "shelling"}),
  mention("attack.air_strike", "air_strikes", {kind = "attack", subtype = "air_strike"}),
  mention("attack.bombardment", "bombardment", {kind = "attack", subtype = "bombardment"}),
  mention("attack.assault", "assaults", {kind = "attack", subtype = "assault"}),
  mention("attack.clash", "clashes", {kind = "clash"}),
  -- "arresting injured people", "arrested 20 activists"
  rule "arrest" {
    triggers = "arresting",
    pattern = function(L)
      return seq{AS("verb", W(L.arresting)), OPT(COUNT), OPT(seq{OF, V(L)})}
    end,
    event = {kind = "arrest"},
  },
  -- "kidnapped 31 people", "gunmen abducted two aid workers"
  rule "abduction" {
    triggers = "abducting",
    pattern = function(L)
      return seq{AS("verb", W(L.abducting)), OPT(COUNT), OPT(seq{OF, V(L)})}
    end,
    event = {kind = "abduction"},
  },
}

return {
  id = "conflict",
  lexicons = lexicons,
  rules = rules,
}
