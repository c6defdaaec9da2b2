import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-3 text-slate-600">This page does not exist, or you do not have access to it.</p>
      <Link href="/workshops" className="mt-6 inline-block text-sky-700 underline">
        Back to my workshops
      </Link>
    </div>
  );
}
