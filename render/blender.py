"""Build a Blender scene from a resolved SceneSpec and its assets, and render it with Cycles on CPU.

One `BlenderScene` per scene: the constructor resets Blender and builds everything once (room
shell, lights, objects, materials); `render_exr` then only moves the camera and renders, and with
persistent data on Cycles keeps its scene between views. Each render writes every pass at once
(Combined, Depth, Normal, IndexOB) into one multilayer EXR that `passes.read_exr` splits.
"""
from __future__ import annotations

import math
import os
import shutil
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import bpy
import numpy as np
from mathutils import Matrix, Vector

from fyi.assets.model import Asset
from fyi.errors import FyiError
from fyi.render.materials import make_floor_material, make_part_material, make_wall_material
from fyi.render.passes import ViewPasses, read_exr, write_view
from fyi.scenes.geometry import world_bbox
from fyi.scenes.spec import CameraSpec, ObjectSpec, SceneSpec

SENSOR_WIDTH_MM = 36.0
STUDIO_ROOMS = ("empty_room", "studio")
# Cycles' film exposure (stops) per room type: it is applied inside the renderer, so the linear
# Combined pass in the EXR is already exposed and passes.read_exr needs no scene settings. Rooms
# with light tiles bounce more light around than rooms with wood floors.
_FILM_EXPOSURE = {"kitchen": -0.6, "bathroom": -0.6}


def reset_blender() -> None:
    """An empty Blender: frees every datablock of the previous scene so one process can render many."""
    bpy.ops.wm.read_factory_settings(use_empty=True)


def room_size(spec: SceneSpec, assets: dict[str, Asset]) -> tuple[float, float, float]:
    """spec.room.size, or (when unset) a room centred on the origin that holds every object with margin."""
    if spec.room.size is not None:
        return tuple(float(v) for v in spec.room.size)  # type: ignore[return-value]
    lo, hi = _objects_bounds(spec, assets)
    half_x = max(abs(lo[0]), abs(hi[0]))
    half_y = max(abs(lo[1]), abs(hi[1]))
    return (max(2 * half_x + 2.0, 3.0), max(2 * half_y + 2.0, 3.0), max(hi[2] + 0.8, 2.6))


def _objects_bounds(spec: SceneSpec, assets: dict[str, Asset]) -> tuple[np.ndarray, np.ndarray]:
    """World axis-aligned box of all objects."""
    corners = []
    for obj in spec.objects:
        asset = assets.get(obj.id)
        if asset is None or obj.position is None:
            continue
        corners += list(world_bbox(obj, asset))
    if not corners:
        return np.zeros(3), np.ones(3)
    pts = np.array(corners)
    return pts.min(axis=0), pts.max(axis=0)


def _object_rng(seed: int, key: str) -> np.random.Generator:
    """A generator for one named thing of the scene: stable across runs (crc32, not hash())."""
    return np.random.default_rng([seed, zlib.crc32(key.encode())])


def _new_mesh(name: str, vertices: np.ndarray, faces: np.ndarray,
              material_index: np.ndarray | None = None) -> bpy.types.Mesh:
    """A triangle mesh straight from arrays (foreach_set: no per-vertex Python loop)."""
    vertices = np.ascontiguousarray(vertices, dtype=np.float32)
    faces = np.ascontiguousarray(faces, dtype=np.int32)
    me = bpy.data.meshes.new(name)
    me.vertices.add(len(vertices))
    me.vertices.foreach_set("co", vertices.ravel())
    me.loops.add(faces.size)
    me.loops.foreach_set("vertex_index", faces.ravel())
    me.polygons.add(len(faces))
    me.polygons.foreach_set("loop_start", np.arange(0, faces.size, 3, dtype=np.int32))
    if material_index is not None:
        me.polygons.foreach_set("material_index", np.ascontiguousarray(material_index, dtype=np.int32))
    me.update()
    me.validate(clean_customdata=False)
    return me


def _quad(corners: list[tuple[float, float, float]], inward: tuple[float, float, float]) -> tuple[np.ndarray, np.ndarray]:
    """Two triangles over four corners (in order around the quad), wound so the normal is `inward`."""
    v = np.asarray(corners, dtype=float)
    faces = np.array([[0, 1, 2], [0, 2, 3]])
    if np.dot(np.cross(v[1] - v[0], v[2] - v[0]), inward) < 0:
        faces = faces[:, ::-1]
    return v, faces


@contextmanager
def _quiet_stdout() -> Iterator[None]:
    """Silence Cycles' per-sample progress lines, which C code prints straight to fd 1."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no real stdout (embedded): nothing to silence
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)


class BlenderScene:
    """One scene built in Blender, ready to be rendered from any number of cameras."""

    def __init__(self, spec: SceneSpec, assets: dict[str, Asset]) -> None:
        _check_resolved(spec, assets)
        reset_blender()
        self.spec = spec
        self.scene = bpy.context.scene
        self.size = room_size(spec, assets)
        self.lighting = ("outdoors" if spec.room.type == "outdoors"
                         else "studio" if spec.room.type in STUDIO_ROOMS else "indoor")
        self._configure_render()
        self._build_room()
        self._build_lights(*_objects_bounds(spec, assets))
        self.objects: dict[str, bpy.types.Object] = {}
        for obj in spec.objects:
            self.objects[obj.id] = self._add_object(obj, assets[obj.id])
        cam_data = bpy.data.cameras.new("camera")
        cam_data.sensor_fit = "HORIZONTAL"
        cam_data.sensor_width = SENSOR_WIDTH_MM
        cam_data.clip_start = 0.01
        cam_data.clip_end = 1000.0
        self.camera = bpy.data.objects.new("camera", cam_data)
        self.scene.collection.objects.link(self.camera)
        self.scene.camera = self.camera

    # --- settings ---------------------------------------------------------------------------

    def _configure_render(self) -> None:
        sc = self.scene
        sc.render.engine = "CYCLES"
        sc.cycles.device = "CPU"
        sc.render.threads_mode = "AUTO"
        sc.render.use_persistent_data = True
        sc.cycles.seed = self.spec.seed % 2**31  # Cycles takes a signed 32-bit seed
        sc.cycles.use_animated_seed = False
        # Few bounces and clamped indirect light: low-sample renders without fireflies.
        sc.cycles.max_bounces = 8
        sc.cycles.diffuse_bounces = 3
        sc.cycles.glossy_bounces = 3
        sc.cycles.transmission_bounces = 8
        sc.cycles.transparent_max_bounces = 16
        sc.cycles.caustics_reflective = False
        sc.cycles.caustics_refractive = False
        sc.cycles.sample_clamp_indirect = 10.0
        sc.cycles.denoiser = "OPENIMAGEDENOISE"
        sc.cycles.film_exposure = 2.0 ** _FILM_EXPOSURE.get(self.spec.room.type, 0.0)
        sc.render.film_transparent = False
        sc.render.resolution_percentage = 100
        sc.render.use_file_extension = False

        vs = sc.view_settings
        vs.view_transform = "Standard"
        vs.look = "None"
        vs.exposure = 0.0
        vs.gamma = 1.0
        sc.display_settings.display_device = "sRGB"

        vl = sc.view_layers[0]
        vl.use_pass_combined = True
        vl.use_pass_z = True
        vl.use_pass_normal = True
        vl.use_pass_object_index = True
        # Transparent wall backfaces (alpha 0) must not write depth/normal/index.
        vl.pass_alpha_threshold = 0.5

        im = sc.render.image_settings
        im.file_format = "OPEN_EXR_MULTILAYER"
        im.color_depth = "32"
        im.exr_codec = "ZIP"
        im.color_mode = "RGBA"

    # --- room shell -------------------------------------------------------------------------

    def _link(self, name: str, mesh: bpy.types.Mesh, pass_index: int = 0) -> bpy.types.Object:
        ob = bpy.data.objects.new(name, mesh)
        ob.pass_index = pass_index
        self.scene.collection.objects.link(ob)
        return ob

    def _build_room(self) -> None:
        room = self.spec.room
        w, d, h = self.size
        rng = _object_rng(self.spec.seed, "room")
        if room.type == "outdoors":
            half = max(40.0, 4.0 * max(w, d))
            v, f = _quad([(-half, -half, 0), (half, -half, 0), (half, half, 0), (-half, half, 0)], (0, 0, 1))
            ground = self._link("ground", _new_mesh("ground", v, f))
            ground.data.materials.append(make_floor_material("outdoors", rng))
            return
        x, y = w / 2, d / 2
        v, f = _quad([(-x, -y, 0), (x, -y, 0), (x, y, 0), (-x, y, 0)], (0, 0, 1))
        floor = self._link("floor", _new_mesh("floor", v, f))
        floor.data.materials.append(make_floor_material(room.type, rng))
        if not room.walls:
            return
        paint = make_wall_material(room.type, rng)
        walls = {
            "wall_back": ([(-x, y, 0), (x, y, 0), (x, y, h), (-x, y, h)], (0, -1, 0)),
            "wall_front": ([(-x, -y, 0), (x, -y, 0), (x, -y, h), (-x, -y, h)], (0, 1, 0)),
            "wall_left": ([(-x, -y, 0), (-x, y, 0), (-x, y, h), (-x, -y, h)], (1, 0, 0)),
            "wall_right": ([(x, -y, 0), (x, y, 0), (x, y, h), (x, -y, h)], (-1, 0, 0)),
        }
        for name, (corners, inward) in walls.items():
            v, f = _quad(corners, inward)
            wall = self._link(name, _new_mesh(name, v, f))
            wall.data.materials.append(paint)

    # --- lights -----------------------------------------------------------------------------

    def _add_light(self, name: str, kind: str, location, target, *, energy: float, size: float = 1.0,
                   size_y: float | None = None, kelvin: float = 5500.0) -> bpy.types.Object:
        data = bpy.data.lights.new(name, kind)
        data.energy = energy
        data.use_temperature = True
        data.temperature = kelvin
        if kind == "AREA":
            data.shape = "RECTANGLE"
            data.size = size
            data.size_y = size if size_y is None else size_y
        elif kind == "SUN":
            data.angle = math.radians(size)
        ob = bpy.data.objects.new(name, data)
        # A panel floating under a ceiling-less room looks wrong, and light hits write no depth.
        ob.visible_camera = False
        ob.location = Vector(location)
        direction = Vector(target) - Vector(location)
        ob.rotation_mode = "QUATERNION"
        ob.rotation_quaternion = direction.to_track_quat("-Z", "Y")
        self.scene.collection.objects.link(ob)
        return ob

    def _set_world(self, color: tuple[float, float, float], strength: float) -> None:
        world = bpy.data.worlds.new("world")
        world.use_nodes = True
        bg = world.node_tree.nodes["Background"]
        bg.inputs["Color"].default_value = (*color, 1.0)
        bg.inputs["Strength"].default_value = strength
        self.scene.world = world

    def _set_sky(self) -> None:
        """A gradient sky: pale at the horizon, blue at the zenith, earthy below the horizon."""
        world = bpy.data.worlds.new("sky")
        world.use_nodes = True
        nt = world.node_tree
        coords = nt.nodes.new("ShaderNodeTexCoord")
        split = nt.nodes.new("ShaderNodeSeparateXYZ")
        ramp = nt.nodes.new("ShaderNodeValToRGB")
        nt.links.new(coords.outputs["Generated"], split.inputs["Vector"])
        # The world's Generated coordinate is the view direction: z runs -1 (down) .. 1 (up).
        remap = nt.nodes.new("ShaderNodeMapRange")
        remap.inputs["From Min"].default_value = -1.0
        remap.inputs["From Max"].default_value = 1.0
        nt.links.new(split.outputs["Z"], remap.inputs["Value"])
        nt.links.new(remap.outputs["Result"], ramp.inputs["Fac"])
        els = ramp.color_ramp.elements
        els[0].position, els[0].color = 0.45, (0.30, 0.28, 0.25, 1.0)
        els[1].position, els[1].color = 1.0, (0.18, 0.38, 0.85, 1.0)
        horizon = els.new(0.5)
        horizon.color = (0.75, 0.82, 0.92, 1.0)
        bg = nt.nodes["Background"]
        bg.inputs["Strength"].default_value = 1.0
        nt.links.new(ramp.outputs["Color"], bg.inputs["Color"])
        self.scene.world = world

    def _build_lights(self, lo: np.ndarray, hi: np.ndarray) -> None:
        w, d, h = self.size
        target = (lo + hi) / 2
        if self.lighting == "outdoors":
            self._set_sky()
            rng = _object_rng(self.spec.seed, "sun")
            azimuth = rng.uniform(-math.pi * 0.75, -math.pi * 0.25)  # from the front half, sideways
            elevation = math.radians(rng.uniform(40.0, 60.0))
            sun_dir = np.array([math.cos(azimuth) * math.cos(elevation), math.sin(azimuth) * math.cos(elevation),
                                math.sin(elevation)])
            self._add_light("sun", "SUN", tuple(target + 10 * sun_dir), tuple(target), energy=3.5, size=2.0,
                            kelvin=5800)
            return
        if self.lighting == "studio":
            self._set_world((0.55, 0.57, 0.60), 0.35)
            extent = float(np.linalg.norm(hi - lo))
            r = min(max(1.2 * extent, 1.5), 0.48 * min(w, d) * math.sqrt(2))
            rigs = {  # name: (azimuth from +x, elevation, share of key energy, kelvin)
                "key": (-135.0, 40.0, 1.0, 5200.0),
                "fill": (-30.0, 20.0, 0.35, 6500.0),
                "rim": (80.0, 55.0, 0.6, 6000.0),
            }
            for name, (az, el, share, kelvin) in rigs.items():
                a, e = math.radians(az), math.radians(el)
                pos = target + r * np.array([math.cos(a) * math.cos(e), math.sin(a) * math.cos(e), math.sin(e)])
                pos[2] = min(pos[2], h - 0.05)
                self._add_light(name, "AREA", tuple(pos), tuple(target), energy=share * 12.0 * r * r,
                                size=max(0.5 * r, 0.5), kelvin=kelvin)
            return
        # Indoor: ceiling panels along the long side, plus a soft sky-coloured fill from outside.
        self._set_world((0.62, 0.66, 0.72), 0.5)
        long_x = w >= d
        n = 2 if max(w, d) > 4.5 else 1
        length = max(w, d)
        for i in range(n):
            along = (i + 0.5) / n * length - length / 2
            pos = (along, 0.0, h - 0.05) if long_x else (0.0, along, h - 0.05)
            sx = min(max(0.3 * (w / n if long_x else w), 0.6), 2.0)
            sy = min(max(0.3 * (d if long_x else d / n), 0.6), 2.0)
            self._add_light(f"ceiling_{i}", "AREA", pos, (pos[0], pos[1], 0.0), energy=5.0 * w * d / n,
                            size=sx, size_y=sy, kelvin=4800.0)

    # --- objects ----------------------------------------------------------------------------

    def _add_object(self, obj: ObjectSpec, asset: Asset) -> bpy.types.Object:
        """One Blender object per scene object: the parts as material slots of one mesh."""
        verts, faces, mat_index = [], [], []
        offset = 0
        parts = [p for p in asset.parts if len(p.mesh.faces)]
        for i, part in enumerate(parts):
            verts.append(np.asarray(part.mesh.vertices))
            faces.append(np.asarray(part.mesh.faces) + offset)
            mat_index.append(np.full(len(part.mesh.faces), i))
            offset += len(part.mesh.vertices)
        mesh = _new_mesh(obj.id, np.concatenate(verts), np.concatenate(faces), np.concatenate(mat_index))
        # Smooth by angle: revolved and cylindrical parts shade round, box edges stay crisp.
        mesh.shade_smooth()
        mesh.set_sharp_from_angle(angle=math.radians(35.0))
        rng = _object_rng(self.spec.seed, obj.id)
        for i, part in enumerate(parts):
            mesh.materials.append(make_part_material(f"{obj.id}.{part.name}.{i}", part.material, part.color,
                                                     roughness=part.roughness, rng=rng))
        ob = self._link(obj.id, mesh, pass_index=obj.instance_id or 0)
        ob.location = obj.position
        ob.rotation_mode = "QUATERNION"
        ob.rotation_quaternion = obj.rotation
        ob.scale = obj.scale
        return ob

    # --- rendering --------------------------------------------------------------------------

    def _place_camera(self, camera: CameraSpec) -> None:
        sc, data = self.scene, self.camera.data
        sc.render.resolution_x = camera.width
        sc.render.resolution_y = camera.height
        # Square pixels: fy is assumed equal to fx (the camera planner makes them so).
        data.lens = camera.fx * SENSOR_WIDTH_MM / camera.width
        # Principal point (pixels from the top-left) as a lens shift in units of the image width.
        data.shift_x = (camera.width / 2 - camera.cx) / camera.width
        data.shift_y = (camera.cy - camera.height / 2) / camera.width
        self.camera.matrix_world = Matrix([list(row) for row in camera.c2w])

    def save_blend(self, path: Path) -> Path:
        """The built scene as a .blend file (to inspect it in Blender, or to benchmark bare renders)."""
        path = Path(path).resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        with _quiet_stdout():
            bpy.ops.wm.save_as_mainfile(filepath=str(path), copy=True)
        return path

    def render_exr(self, camera: CameraSpec, exr_path: Path, *, samples: int, denoise: bool) -> Path:
        """Render one view with all passes into one OPEN_EXR_MULTILAYER file; returns its path."""
        self._place_camera(camera)
        return self._render(exr_path, samples=samples, denoise=denoise)

    # --- animation --------------------------------------------------------------------------

    def enable_motion_vectors(self) -> None:
        """Add the Vector pass (per-pixel motion to the previous and next frame) to every render.

        Cycles fills it from the scene evaluated at frame - 1 and frame + 1, and only with motion blur off.
        """
        self.scene.render.use_motion_blur = False
        self.scene.view_layers[0].use_pass_vector = True

    def set_frame_range(self, first: int, last: int, fps: float) -> None:
        sc = self.scene
        sc.frame_start, sc.frame_end = first, last
        sc.render.fps = max(1, round(fps))
        sc.render.fps_base = sc.render.fps / fps

    def key_object(self, obj_id: str, frame: int, position, rotation) -> None:
        """Pose one object at `frame` and keyframe it there (location and quaternion rotation)."""
        ob = self.objects[obj_id]
        ob.location = position
        ob.rotation_quaternion = rotation
        ob.keyframe_insert("location", frame=frame)
        ob.keyframe_insert("rotation_quaternion", frame=frame)

    def key_camera(self, camera: CameraSpec, frame: int) -> None:
        """Place the camera (intrinsics and c2w) at `frame` and keyframe its pose there."""
        # Quaternions, not Euler angles: matrix_world decomposes into them without gimbal flips.
        self.camera.rotation_mode = "QUATERNION"
        self._place_camera(camera)
        self.camera.keyframe_insert("location", frame=frame)
        self.camera.keyframe_insert("rotation_quaternion", frame=frame)

    def render_frame_exr(self, frame: int, exr_path: Path, *, samples: int, denoise: bool) -> Path:
        """Render the keyframed scene at `frame` with all passes into one multilayer EXR; returns its path."""
        self.scene.frame_set(frame)
        return self._render(exr_path, samples=samples, denoise=denoise)

    def _render(self, exr_path: Path, *, samples: int, denoise: bool) -> Path:
        self.scene.cycles.samples = samples
        self.scene.cycles.use_denoising = denoise
        exr_path = Path(exr_path).resolve()
        exr_path.parent.mkdir(parents=True, exist_ok=True)
        # Blender reads '#' in an output path as frame-number digits: render elsewhere, then move.
        target = exr_path if "#" not in str(exr_path) else Path(tempfile.mkdtemp(prefix="fyi_exr_")) / "view.exr"
        self.scene.render.filepath = str(target)
        started = time.perf_counter()
        with _quiet_stdout():
            bpy.ops.render.render(write_still=True)
        _CYCLES_SECONDS[0] += time.perf_counter() - started
        if not target.exists():
            raise RuntimeError(f"Cycles wrote no file at {target}")
        if target != exr_path:
            shutil.move(target, exr_path)
            target.parent.rmdir()
        return exr_path


_CYCLES_SECONDS = [0.0]


def cycles_seconds() -> float:
    """Seconds this process has spent inside Cycles' own render calls (what benchmarks compare with)."""
    return _CYCLES_SECONDS[0]


def _check_resolved(spec: SceneSpec, assets: dict[str, Asset]) -> None:
    for i, obj in enumerate(spec.objects):
        if obj.position is None:
            raise FyiError(f"objects[{i}] ({obj.id}): no position; the spec must be resolved before rendering")
        if obj.instance_id is None:
            raise FyiError(f"objects[{i}] ({obj.id}): no instance_id; the spec must be resolved before rendering")
        if obj.id not in assets:
            raise FyiError(f"objects[{i}] ({obj.id}): no asset to render")
        if not any(len(p.mesh.faces) for p in assets[obj.id].parts):
            raise FyiError(f"objects[{i}] ({obj.id}): its asset has no geometry")


def render_views(spec: SceneSpec, assets: dict[str, Asset], views_dir: Path, *, samples: int, denoise: bool,
                 progress: Callable[[int, int], None] | None = None) -> list[ViewPasses]:
    """Render every camera of the spec and write views_dir/{rgb,depth,normal,instance}/NNNN (NNNN = camera.id)."""
    if not spec.cameras:
        raise FyiError("cameras: the spec has no cameras to render")
    scene = BlenderScene(spec, assets)
    views_dir = Path(views_dir)
    out: list[ViewPasses] = []
    with tempfile.TemporaryDirectory(prefix="fyi_exr_") as tmp:
        for k, camera in enumerate(spec.cameras):
            exr = scene.render_exr(camera, Path(tmp) / f"{camera.id:04d}.exr", samples=samples, denoise=denoise)
            passes = read_exr(exr)
            write_view(passes, views_dir, camera.id)
            out.append(passes)
            if progress is not None:
                progress(k + 1, len(spec.cameras))
    return out
