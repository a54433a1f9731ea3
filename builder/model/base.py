"""Shared base and field types of the content model.

Every model is frozen and rejects unknown keys. Scalars are strict: ``"3"`` is
not a number and ``1`` is not text, so a typo in the YAML is reported instead
of being coerced into something the author did not mean. Containers are tuples,
so a loaded catalogue cannot be changed by a target.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        json_schema_extra={"additionalProperties": False},
    )


#: Non-empty text; surrounding white space is dropped.
Text = Annotated[str, Strict(), StringConstraints(min_length=1, strip_whitespace=True)]
#: Text that may be empty (only where an empty value has a meaning).
MaybeEmptyText = Annotated[str, Strict(), StringConstraints(strip_whitespace=True)]
#: Markdown: paragraphs, lists, **bold**, *emphasis* and links; no raw HTML.
Markdown = Annotated[
    str,
    Strict(),
    StringConstraints(min_length=1, strip_whitespace=True),
    Field(json_schema_extra={"format": "markdown"}),
]
#: A stable identifier: lowercase letters, digits and single hyphens.
Slug = Annotated[
    str,
    Strict(),
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64),
]
Url = Annotated[str, Strict(), StringConstraints(pattern=r"^https?://\S+$")]
LanguageTag = Annotated[
    str, Strict(), StringConstraints(pattern=r"^[a-z]{2}(?:-[A-Z]{2})?$")
]
Bool = Annotated[bool, Strict()]
Int = Annotated[int, Strict()]
#: A number; integers are accepted too (``1`` means ``1.0``).
Number = Annotated[float, Strict()]
#: A path relative to the module folder, written with forward slashes.
RelativePath = Annotated[
    str,
    Strict(),
    StringConstraints(pattern=r"^[^/\\\s][^\\\s]*$", max_length=200),
]
