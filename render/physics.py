"""Blender's rigid-body world (Bullet) for what falls: drops, objects pushed off an edge, settling.

It reads the resolved scene (render.scene): the other objects are passive colliders (their real
meshes), the moving object an active convex hull, and the floor a passive slab one metre thick (a
thin floor quad lets a fast body tunnel through it). Its first frames follow a scripted (kinematic) path, so a
box pushed toward a table's edge leaves it with the speed it was pushed at; from there Bullet
decides how it tips, falls, bounces and comes to rest.
"""
from __future__ import annotations

import bpy
import numpy as np
from mathutils import Matrix

from fyi.assets.model import Asset
from fyi.render.scene import resolve
from fyi.scenes.geometry import FLAT
from fyi.scenes.spec import Quat, SceneSpec

Vec3 = tuple[float, float, float]


def _body(name: str, vertices: np.ndarray, faces: np.ndarray, matrix: np.ndarray, kind: str, shape: str):
    mesh = bpy.data.meshes.new(name)
    mesh.from_pydata(vertices.tolist(), [], faces.tolist())
    ob = bpy.data.objects.new(name, mesh)
    bpy.context.scene.collection.objects.link(ob)
    ob.matrix_world = Matrix(matrix.tolist())
    with bpy.context.temp_override(object=ob, active_object=ob, selected_objects=[ob]):
        bpy.ops.rigidbody.object_add(type=kind)
    rb = ob.rigid_body
    rb.collision_shape = shape
    rb.use_margin, rb.collision_margin = True, 0.001  # Blender's 4 cm default would float things visibly
    rb.friction, rb.restitution = 0.6, 0.2
    return ob


def simulate(spec: SceneSpec, assets: dict[str, Asset], scripted: dict[str, list[Vec3]], free: set[str],
             frames: int, fps: float) -> dict[str, tuple[list[Vec3], list[Quat]]]:
    """Poses per frame of the objects that move. `scripted` objects follow their positions (at their spec
    rotation) for as many frames as given; those in `free` then move under gravity and contact (a box
    pushed off a table), the others stay scripted throughout (a pusher). Free objects without a script
    move only when something hits them (what is pushed). Everything else is a passive collider."""
    bpy.ops.wm.read_factory_settings(use_empty=True)
    scene = bpy.context.scene
    scene.render.fps, scene.render.fps_base = max(1, round(fps)), max(1, round(fps)) / fps
    with bpy.context.temp_override(scene=scene):
        bpy.ops.rigidbody.world_add()
    world = scene.rigidbody_world
    world.point_cache.frame_start, world.point_cache.frame_end = 1, frames
    world.substeps_per_frame, world.solver_iterations = 20, 20
    slab = np.array([[x, y, z] for x in (-50, 50) for y in (-50, 50) for z in (-1.0, 0.0)], float)
    slab_faces = np.array([[0, 1, 3], [0, 3, 2], [4, 6, 7], [4, 7, 5], [0, 4, 5], [0, 5, 1],
                           [2, 3, 7], [2, 7, 6], [0, 2, 6], [0, 6, 4], [1, 5, 7], [1, 7, 3]])
    _body("floor", slab, slab_faces, np.eye(4), "PASSIVE", "MESH")
    moving = {}
    for node in resolve(spec, assets).objects:
        mover = node.name in scripted or node.name in free
        if not mover and node.size[2] < FLAT:
            continue  # a rug adds nothing to stand on
        if mover:
            moving[node.name] = _body(node.name, node.vertices, node.faces, node.matrix, "ACTIVE", "CONVEX_HULL")
        else:
            _body(node.name, node.vertices, node.faces, node.matrix, "PASSIVE", "MESH")
    for oid, path in scripted.items():
        ob, rb = moving[oid], moving[oid].rigid_body
        rb.kinematic = True
        for k, p in enumerate(path):
            ob.location = p
            ob.keyframe_insert("location", frame=k + 1)
            rb.keyframe_insert("kinematic", frame=k + 1)
        if oid in free:
            rb.kinematic = False
            rb.keyframe_insert("kinematic", frame=len(path) + 1)
    poses: dict[str, tuple[list[Vec3], list[Quat]]] = {oid: ([], []) for oid in moving}
    for k in range(frames):
        scene.frame_set(k + 1)
        for oid, ob in moving.items():
            m = ob.matrix_world
            poses[oid][0].append(tuple(float(c) for c in m.translation))
            poses[oid][1].append(tuple(float(c) for c in m.to_quaternion()))
    return poses


def simulate_fall(spec: SceneSpec, assets: dict[str, Asset], obj_id: str, scripted: list[Vec3], frames: int,
                  fps: float) -> tuple[list[Vec3], list[Quat]]:
    """Poses of `obj_id` for every frame: it follows `scripted` positions (at its spec rotation) for the
    first len(scripted) frames, then falls freely under gravity among the scene's other objects."""
    return simulate(spec, assets, {obj_id: scripted}, {obj_id}, frames, fps)[obj_id]
