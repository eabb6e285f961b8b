"""The assets of a spec's objects, rebuilt from their references (deterministic for a seed)."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from fyi.assets.catalog import build_asset
from fyi.assets.files import load_mesh_asset
from fyi.assets.model import Asset
from fyi.assets.style import Style
from fyi.errors import FyiError
from fyi.scenes.spec import ObjectSpec, SceneSpec


@lru_cache(maxsize=512)
def _cached(source: str, uid: str, seed: int, path: str | None, category: str, style: Style,
            front_yaw_degrees: float = 0.0) -> Asset:
    if front_yaw_degrees:
        return _cached(source, uid, seed, path, category, style).turned(front_yaw_degrees)
    if source == "file":
        return load_mesh_asset(Path(path), category)
    if source == "local":
        from fyi.assets.sources import LocalFolderSource

        # `path` is the file, `uid` its path inside the folder: the folder's metadata (height...) applies.
        file = Path(path)
        root = Path(*file.parts[: len(file.parts) - len(Path(uid).parts)])
        return LocalFolderSource(root).load_asset(uid)
    if source == "objaverse":
        from fyi.assets.sources import ObjaverseSource

        return ObjaverseSource().load_asset(uid)
    return build_asset(uid, seed, style)


def asset_for(obj: ObjectSpec, base_dir: Path | None = None) -> Asset:
    if obj.asset is None:
        raise ValueError(f"object {obj.id} has no asset yet")
    ref = obj.asset
    path = ref.path
    if path and base_dir is not None and not Path(path).is_absolute():
        path = str(base_dir / path)
    style = Style(obj.attributes.color, obj.attributes.material, obj.attributes.size, obj.attributes.shade)
    # Shared between calls (building is the costly part): callers treat assets as read-only.
    return _cached(ref.source, ref.uid, ref.seed, path, obj.category, style, ref.front_yaw_degrees)


def assets_for(spec: SceneSpec, base_dir: Path | None = None) -> dict[str, Asset]:
    return {o.id: asset_for(o, base_dir) for o in spec.objects}


def checked_assets(spec: SceneSpec, spec_dir: Path, allowed_dirs: list[Path] = ()) -> SceneSpec:
    """The spec with every asset file path absolute, once each asset is known to load.

    A relative path is read from `spec_dir` (the spec file's folder), and every file must lie inside
    `spec_dir` or one of `allowed_dirs`, symlinks followed: a spec cannot make FYI read /etc or
    ../../.. . One FyiError naming the field (`objects[1].asset.path: ...`) for the first that fails.
    """
    roots = [Path(d).resolve() for d in (spec_dir, *allowed_dirs)]
    objects = []
    for i, obj in enumerate(spec.objects):
        ref = obj.asset
        if ref is not None and ref.path is not None:
            file = Path(spec_dir, ref.path).resolve()  # an absolute ref.path stays as it is
            if not any(file == r or r in file.parents for r in roots):
                allowed = ", ".join(str(r) for r in roots)
                raise FyiError(f"objects[{i}].asset.path: {ref.path} is outside the folders assets may come from "
                               f"({allowed}); allow its folder with --assets DIR")
            obj = obj.model_copy(update={"asset": ref.model_copy(update={"path": os.fspath(file)})})
        try:
            asset_for(obj)
        except FyiError as e:
            field = "asset.path" if ref is not None and ref.path else ("asset.uid" if ref is not None else "category")
            raise FyiError(f"objects[{i}].{field}: {e}") from None
        objects.append(obj)
    return spec.model_copy(update={"objects": objects})
