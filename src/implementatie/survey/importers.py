"""Read a team's answers from a file: a canonical CSV, or a survey-tool export with a mapping.

See `implementatie.survey.csv_files` for the canonical formats and
`implementatie.survey.exports` for Qualtrics, LimeSurvey and Castor.
"""

from __future__ import annotations

from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.params import checked
from implementatie.survey.csv_files import PathLike, read_csv
from implementatie.survey.exports import read_export
from implementatie.survey.responses import Responses


@checked
def read_responses(
    path: PathLike,
    *,
    mapping: PathLike | None = None,
    catalog: Catalog | None = None,
) -> Responses:
    """Read answers: a survey-tool export through a `mapping` file, else a canonical CSV."""
    if mapping is None:
        return read_csv(path, catalog=catalog)
    return read_export(path, mapping, catalog=catalog)
