"""Each calculator as a LangChain StructuredTool: Chinese description, the pydantic input model as
its schema, and a JSON-able result (Decimal as text, so 300000.00 stays exact)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .errors import CalculationError
from .registry import CalculatorInfo, describe_error, list_calculators, run


def jsonable(value: Any) -> Any:
    """Decimal → str, recursively; everything else as JSON already understands it."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if hasattr(value, "model_dump"):
        return jsonable(value.model_dump())
    return value


def tool_name(name: str) -> str:
    return name.replace("-", "_")


def _plain(value: Any) -> Any:
    """LangChain hands over validated values; nested models go back to dicts (aliases kept)."""
    if hasattr(value, "model_dump"):
        return value.model_dump(by_alias=True, exclude_none=True)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _validation_message(info: CalculatorInfo) -> Callable[[Exception], str]:
    """A schema error caught by LangChain before our code runs, said in Chinese like any other."""

    def handle(exc: Exception) -> str:
        errors = getattr(exc, "errors", None)
        if callable(errors) and errors():
            message, where = describe_error(info.input_model, errors()[0])
            return f"无法计算：{CalculationError(message, where)}"
        return f"无法计算：输入有误（{exc}）"

    return handle


def _tool_function(info: CalculatorInfo) -> Callable[..., dict[str, Any]]:
    def call(**kwargs: Any) -> dict[str, Any]:
        data = {k: _plain(v) for k, v in kwargs.items() if v is not None}
        try:
            return jsonable(run(info.name, data))
        except CalculationError as exc:  # the model gets the Chinese reason back as data
            return {"error": str(exc), "field": exc.field}

    call.__name__ = tool_name(info.name)
    call.__doc__ = info.description
    return call


def langchain_tools() -> list[Any]:
    """One StructuredTool per calculator, named like `points_allocation`."""
    from langchain_core.tools import StructuredTool

    tools = []
    for info in list_calculators():
        tools.append(
            StructuredTool.from_function(
                func=_tool_function(info),
                name=tool_name(info.name),
                description=f"{info.title}：{info.description}",
                args_schema=info.input_model,
                handle_validation_error=_validation_message(info),
            )
        )
    return tools
