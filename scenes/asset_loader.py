"""The assets of a spec's objects, rebuilt from their references (deterministic for a seed)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from fyi.assets.catalog import build_asset
from fyi.assets.files import load_mesh_asset
from fyi.assets.model import Asset
from fyi.assets.style import Style
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
    style = Style(obj.attributes.color, obj.attributes.material, obj.attributes.size)
    # Shared between calls (building is the costly part): callers treat assets as read-only.
    return _cached(ref.source, ref.uid, ref.seed, path, obj.category, style, ref.front_yaw_degrees)


def assets_for(spec: SceneSpec, base_dir: Path | None = None) -> dict[str, Asset]:
    return {o.id: asset_for(o, base_dir) for o in spec.objects}
