import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="mt-3 text-slate-600">Your role in this workshop does not allow this page.</p>
      <Link href="/workshops" className="mt-6 inline-block text-sky-700 underline">
        Back to my workshops
      </Link>
    </div>
  );
}
