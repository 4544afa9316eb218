"""The contract, over every installed check: built-ins and whatever plug-ins pip installed."""

from __future__ import annotations

import asyncio
import inspect
import json

import pytest

from checks import Checklist, Evidence, Outcome, Result, Status
from checks.engine import DEFAULT_TIMEOUT, check_entry_points
from checks.render.checklist import to_dict

# One entry point per name: the same distribution can appear twice on sys.path.
ENTRY_POINTS = sorted({ep.name: ep for ep in check_entry_points()}.values(), key=lambda e: e.name)


@pytest.mark.parametrize("ep", ENTRY_POINTS, ids=lambda ep: ep.name)
async def test_every_installed_check_honours_the_contract(ep, check_ctx, sample_article):
    obj = ep.load()
    check = obj() if inspect.isclass(obj) else obj

    assert check.name == ep.name
    assert isinstance(check.title, str)
    assert check.title.strip()
    assert inspect.iscoroutinefunction(check.run)

    result = await asyncio.wait_for(check.run(sample_article, check_ctx), DEFAULT_TIMEOUT)

    assert isinstance(result, Result)
    assert isinstance(result.status, Status)
    assert result.status is not Status.ERROR, "only the engine reports 'error'"
    assert isinstance(result.summary, str)
    assert result.summary.strip()
    assert all(isinstance(e, Evidence) for e in result.evidence)
    # Whatever the check puts in `data` must survive the JSON output.
    checklist = Checklist("sample", sample_article, (Outcome(check.name, check.title, result),))
    assert json.loads(json.dumps(to_dict(checklist)))["results"][0]["check"] == ep.name
