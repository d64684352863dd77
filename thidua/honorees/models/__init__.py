"""Models of the honoree registry, split by subdomain."""

from thidua.honorees.models.honorees import (
    Achievement,
    Honoree,
    HonoreeQuerySet,
    ImportBatch,
    Initiative,
    Participation,
    Recognition,
)
from thidua.honorees.models.lifecycle import StageChange, StageTransition
from thidua.honorees.models.media import Photo, VideoLink
from thidua.honorees.models.movements import Movement
from thidua.honorees.models.stories import Story
from thidua.honorees.models.vocabularies import (
    EconomicSector,
    Ethnicity,
    Field,
    SocialComponent,
    Vocabulary,
)

__all__ = [
    "Achievement",
    "EconomicSector",
    "Ethnicity",
    "Field",
    "Honoree",
    "HonoreeQuerySet",
    "ImportBatch",
    "Initiative",
    "Movement",
    "Participation",
    "Photo",
    "Recognition",
    "SocialComponent",
    "StageChange",
    "StageTransition",
    "Story",
    "VideoLink",
    "Vocabulary",
]
